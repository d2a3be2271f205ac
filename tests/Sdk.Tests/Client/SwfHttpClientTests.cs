using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Swf.Client;
using Swf.Client.Signing;
using Swf.Exceptions;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client;

public sealed class SwfHttpClientTests : IDisposable
{
    private const string Endpoint = "http://127.0.0.1:5055/";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "FQoGZXIvYXdzEXAMPLEsessiontoken";
    private const string RequestId = "4f9c1d2e-0000-4000-8000-000000000001";

    // A guard against a hung test, not a timing assertion: nothing here waits on the real clock.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly RecordingTimeProvider _time = new();
    private readonly ListLogger _logger = new();
    private readonly List<SwfHttpClient> _clients = [];

    public static TheoryData<string, Type> ModelledFaults => new()
    {
        { DefaultUndefinedException.FaultName, typeof(DefaultUndefinedException) },
        { DomainAlreadyExistsException.FaultName, typeof(DomainAlreadyExistsException) },
        { DomainDeprecatedException.FaultName, typeof(DomainDeprecatedException) },
        { LimitExceededException.FaultName, typeof(LimitExceededException) },
        { OperationNotPermittedException.FaultName, typeof(OperationNotPermittedException) },
        { TooManyTagsException.FaultName, typeof(TooManyTagsException) },
        { TypeAlreadyExistsException.FaultName, typeof(TypeAlreadyExistsException) },
        { TypeDeprecatedException.FaultName, typeof(TypeDeprecatedException) },
        { TypeNotDeprecatedException.FaultName, typeof(TypeNotDeprecatedException) },
        { UnknownResourceException.FaultName, typeof(UnknownResourceException) },
        { WorkflowExecutionAlreadyStartedException.FaultName, typeof(WorkflowExecutionAlreadyStartedException) },
    };

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    // ---------------------------------------------------------------- the wire request

    [Fact]
    public async Task ListDomainsAsync_Request_IsSignedJsonPostToTheEndpoint()
    {
        var handler = new FakeHttpHandler(_ => Ok("""{"domainInfos":[]}"""));
        var client = NewClient(handler);

        await client.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, MaximumPageSize = 10 });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(new Uri(Endpoint), sent.Uri);
        Assert.Equal("SimpleWorkflowService.ListDomains", sent.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", sent.Headers["Content-Type"]);
        Assert.Equal("""{"registrationStatus":"REGISTERED","maximumPageSize":10}""", sent.BodyText);
        Assert.Equal("20240102T030405Z", sent.Headers["X-Amz-Date"]);
        Assert.False(sent.Headers.ContainsKey("X-Amz-Security-Token"));
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/swf/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=",
            sent.Headers["Authorization"],
            StringComparison.Ordinal);
        Assert.Equal(ExpectedAuthorization(sent, null), sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task RespondDecisionTaskCompletedAsync_SessionCredentials_SendsAndSignsTheToken()
    {
        var handler = new FakeHttpHandler(_ => Ok(string.Empty));
        var client = NewClient(handler, o => o.Credentials = new SessionAWSCredentials("AKIDEXAMPLE", SecretKey, SessionToken));

        await client.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = "token-1",
            Decisions =
            [
                new Decision
                {
                    DecisionType = DecisionType.StartTimer,
                    StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = "t1", StartToFireTimeout = "30" },
                },
            ],
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("SimpleWorkflowService.RespondDecisionTaskCompleted", sent.Headers["X-Amz-Target"]);
        Assert.Equal(
            """{"taskToken":"token-1","decisions":[{"decisionType":"StartTimer","startTimerDecisionAttributes":{"timerId":"t1","startToFireTimeout":"30"}}]}""",
            sent.BodyText);
        Assert.Equal(SessionToken, sent.Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", sent.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(ExpectedAuthorization(sent, SessionToken), sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task DeprecateDomainAsync_EveryCall_NamesItsOperationInTheTarget()
    {
        var handler = new FakeHttpHandler(_ => Ok(string.Empty));
        var client = NewClient(handler);

        await client.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "orders" });
        await client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = "orders", WorkflowId = "o-1", SignalName = "go" });

        Assert.Equal(
            ["SimpleWorkflowService.DeprecateDomain", "SimpleWorkflowService.SignalWorkflowExecution"],
            handler.Requests.Select(r => r.Headers["X-Amz-Target"]));
        Assert.Equal("""{"domain":"orders","workflowId":"o-1","signalName":"go"}""", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task ListOpenWorkflowExecutionsAsync_TimeFilter_IsSentAsEpochSeconds()
    {
        var handler = new FakeHttpHandler(_ => Ok("""{"executionInfos":[]}"""));
        var client = NewClient(handler);

        await client.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
        {
            Domain = "orders",
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = new DateTime(2012, 1, 15, 1, 56, 59, 474, DateTimeKind.Utc) },
            ReverseOrder = false,
        });

        Assert.Equal("""{"domain":"orders","startTimeFilter":{"oldestDate":1326592619.474},"reverseOrder":false}""", Assert.Single(handler.Requests).BodyText);
    }

    // ---------------------------------------------------------------- responses

    [Fact]
    public async Task DescribeDomainAsync_Answer_IsParsedWithTheRequestId()
    {
        var handler = new FakeHttpHandler(_ => Ok(
            """{"domainInfo":{"name":"orders","status":"REGISTERED","arn":"arn:aws:swf:us-east-1:1:/domain/orders"},"configuration":{"workflowExecutionRetentionPeriodInDays":"7"}}"""));
        var client = NewClient(handler);

        var response = await client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" });

        Assert.Equal(RequestId, response.RequestId);
        Assert.Equal("orders", response.DomainDetail.DomainInfo.Name);
        Assert.Equal(RegistrationStatus.Registered, response.DomainDetail.DomainInfo.Status);
        Assert.Equal("7", response.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays);
    }

    [Fact]
    public async Task PollForDecisionTaskAsync_Task_IsParsedWithEventsAndTimestamps()
    {
        var handler = new FakeHttpHandler(_ => Ok("""
            {"taskToken":"tt","startedEventId":3,"previousStartedEventId":0,
             "workflowExecution":{"workflowId":"o-1","runId":"r-1"},"workflowType":{"name":"Order","version":"1"},
             "events":[{"eventId":1,"eventType":"WorkflowExecutionStarted","eventTimestamp":1326592619.474,
                        "workflowExecutionStartedEventAttributes":{"childPolicy":"TERMINATE","taskList":{"name":"d"},"workflowType":{"name":"Order","version":"1"}}}],
             "nextPageToken":"p2"}
            """));
        var client = NewClient(handler);

        var task = (await client.PollForDecisionTaskAsync(NewPoll())).DecisionTask;

        Assert.Equal("tt", task.TaskToken);
        Assert.Equal(3, task.StartedEventId);
        Assert.Equal("p2", task.NextPageToken);
        var started = Assert.Single(task.Events!);
        Assert.Equal(EventType.WorkflowExecutionStarted, started.EventType);
        Assert.Equal(new DateTime(2012, 1, 15, 1, 56, 59, 474, DateTimeKind.Utc), started.EventTimestamp);
        Assert.Equal(ChildPolicy.Terminate, started.WorkflowExecutionStartedEventAttributes!.ChildPolicy);
    }

    [Theory]
    [InlineData("""{"startedEventId":0,"previousStartedEventId":0}""")]
    [InlineData("{}")]
    public async Task PollForDecisionTaskAsync_EmptyPoll_GivesATaskWithoutToken(string body)
    {
        var client = NewClient(new FakeHttpHandler(_ => Ok(body)));

        var response = await client.PollForDecisionTaskAsync(NewPoll());

        Assert.Null(response.DecisionTask.TaskToken);
        Assert.Null(response.DecisionTask.Events);
        Assert.Equal(RequestId, response.RequestId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task SignalWorkflowExecutionAsync_OperationWithoutOutput_AcceptsEmptyAnswers(string body)
    {
        var client = NewClient(new FakeHttpHandler(_ => Ok(body)));

        var response = await client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = "d", WorkflowId = "w", SignalName = "s" });

        Assert.Equal(RequestId, response.RequestId);
    }

    // ---------------------------------------------------------------- faults

    [Theory]
    [MemberData(nameof(ModelledFaults))]
    public async Task DescribeDomainAsync_ModelledFault_ThrowsItsExceptionOnceWithMessageStatusAndRequestId(string fault, Type exceptionType)
    {
        var handler = new FakeHttpHandler(_ => ErrorResponse($"com.amazonaws.swf.base.model#{fault}", "It went wrong."));
        var client = NewClient(handler);

        var error = await Assert.ThrowsAnyAsync<SwfException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.IsType(exceptionType, error);
        Assert.Equal(fault, error.ErrorCode);
        Assert.Equal("It went wrong.", error.Message);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task DescribeDomainAsync_FaultWithUpperCaseMessage_UsesIt()
    {
        var client = NewClient(new FakeHttpHandler(_ => Json(
            HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.swf.base.model#UnknownResourceFault","Message":"Unknown domain: orders"}""")));

        var error = await Assert.ThrowsAsync<UnknownResourceException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.Equal("Unknown domain: orders", error.Message);
    }

    [Theory]
    [InlineData("""{"message":"Unknown domain: orders"}""", "UnknownResourceFault:http://internal.amazon.com/coral/com.amazonaws.swf.base.model/", "Unknown domain: orders")]
    [InlineData("", "UnknownResourceFault", "SWF answered DescribeDomain with HTTP 400.")]
    public async Task DescribeDomainAsync_TypeOnlyInErrorTypeHeader_UsesTheHeader(string body, string header, string message)
    {
        var client = NewClient(new FakeHttpHandler(_ => Json(HttpStatusCode.BadRequest, body, ("X-Amzn-ErrorType", header))));

        var error = await Assert.ThrowsAsync<UnknownResourceException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task RespondDecisionTaskCompletedAsync_ServiceValidationException_IsNotRetried()
    {
        var handler = new FakeHttpHandler(_ => ErrorResponse(
            "com.amazon.coral.validate#ValidationException",
            "1 validation error detected: Value null at 'decisions.1.member.startTimerDecisionAttributes.timerId' failed to satisfy constraint: Member must not be null"));
        var client = NewClient(handler, o => o.ValidateRequests = false);

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest { TaskToken = "t" }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("decisions.1.member.startTimerDecisionAttributes.timerId", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task DescribeDomainAsync_UnknownErrorCode_ThrowsBaseSwfExceptionWithTheCode()
    {
        var handler = new FakeHttpHandler(_ => ErrorResponse("com.amazon.coral.service#BrandNewFault", "Something new."));
        var client = NewClient(handler);

        var error = await Assert.ThrowsAsync<SwfException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.Equal("BrandNewFault", error.ErrorCode);
        Assert.Equal("Something new.", error.Message);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", "HTTP 502", "<html><body><h1>502 Bad Gateway")]
    [InlineData(HttpStatusCode.BadRequest, "", "HTTP 400", "(empty body)")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.swf.base.model#UnknownRes""", "HTTP 400", """{"__type":"com.amazonaws.swf.base.model#UnknownRes""")]
    [InlineData(HttpStatusCode.BadRequest, "\"oops\"", "HTTP 400", "\"oops\"")]
    [InlineData(HttpStatusCode.Forbidden, """{"Message":"not an SWF error"}""", "HTTP 403", "not an SWF error")]
    [InlineData(HttpStatusCode.OK, """{"domainInfo":{"name":"orders","sta""", "HTTP 200", """{"domainInfo":{"name":"orders","sta""")]
    [InlineData(HttpStatusCode.OK, "[1,2]", "HTTP 200", "[1,2]")]
    [InlineData(HttpStatusCode.OK, "", "HTTP 200", "empty body")]
    [InlineData(HttpStatusCode.OK, "null", "HTTP 200", "empty body")]
    public async Task DescribeDomainAsync_UnusableBody_ThrowsTransportExceptionShowingStatusAndBody(HttpStatusCode status, string body, string shownStatus, string shownBody)
    {
        var client = NewClient(new FakeHttpHandler(_ => Json(status, body)), o => o.Retry.MaxAttempts = 1);

        var error = await Assert.ThrowsAsync<SwfTransportException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.Contains(shownStatus, error.Message, StringComparison.Ordinal);
        Assert.Contains(shownBody, error.Message, StringComparison.Ordinal);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
    }

    [Fact]
    public async Task DescribeDomainAsync_LongHtmlBody_ShowsOnlyItsStart()
    {
        var page = "<html>" + new string('x', 5000) + "</html>";
        var client = NewClient(new FakeHttpHandler(_ => Json(HttpStatusCode.BadGateway, page)), o => o.Retry.MaxAttempts = 1);

        var error = await Assert.ThrowsAsync<SwfTransportException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));

        Assert.Contains("<html>xxx", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("</html>", error.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- retries

    [Fact]
    public async Task ListDomainsAsync_ThrottledEveryTime_TriesMaxAttemptsThenThrows()
    {
        var handler = new FakeHttpHandler(_ => ErrorResponse("com.amazon.coral.availability#ThrottlingException", "Rate exceeded"));
        var client = NewClient(handler, o => o.Retry.MaxAttempts = 4);

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.ListDomainsAsync(NewListDomains()));

        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task ListDomainsAsync_ThrottledOnce_SucceedsOnTheSecondAttempt()
    {
        var attempts = 0;
        var handler = new FakeHttpHandler(_ => ++attempts == 1
            ? ErrorResponse("com.amazon.coral.availability#ThrottlingException", "Rate exceeded")
            : Ok("""{"domainInfos":[{"name":"a","status":"REGISTERED"}]}"""));
        var client = NewClient(handler);

        var response = await client.ListDomainsAsync(NewListDomains());

        Assert.Equal("a", Assert.Single(response.DomainInfos.Infos).Name);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"__type":"com.amazon.coral.service#InternalFailure","message":"boom"}""", typeof(InternalFailureException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, """{"__type":"com.amazon.coral.availability#ServiceUnavailable","message":"later"}""", typeof(ServiceUnavailableException))]
    [InlineData(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", typeof(SwfTransportException))]
    public async Task ListDomainsAsync_ServerErrorEveryTime_TriesMaxAttemptsThenThrows(HttpStatusCode status, string body, Type exceptionType)
    {
        var handler = new FakeHttpHandler(_ => Json(status, body));
        var client = NewClient(handler);

        var error = await Assert.ThrowsAnyAsync<SwfException>(() => client.ListDomainsAsync(NewListDomains()));

        Assert.IsType(exceptionType, error);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ListDomainsAsync_NetworkFailsEveryTime_TriesMaxAttemptsThenThrowsTransportException()
    {
        var handler = new FakeHttpHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (127.0.0.1:5055)")));
        var client = NewClient(handler, o => o.Retry.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<SwfTransportException>(() => client.ListDomainsAsync(NewListDomains()));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task ListDomainsAsync_Backoff_WaitsOnTheOptionsClock()
    {
        var attempts = 0;
        var handler = new FakeHttpHandler(_ => ++attempts == 1
            ? ErrorResponse("com.amazon.coral.availability#ThrottlingException", "Rate exceeded")
            : Ok("""{"domainInfos":[]}"""));
        var client = NewClient(handler, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1));

        var call = client.ListDomainsAsync(NewListDomains());
        var backoff = await _time.WaitForTimerAsync(d => d <= TimeSpan.FromSeconds(1)).WaitAsync(Guard);
        Assert.Equal(1, handler.Calls);
        _time.Advance(backoff);
        await call.WaitAsync(Guard);

        Assert.Equal(2, handler.Calls);
    }

    // ---------------------------------------------------------------- cancellation and time limits

    [Fact]
    public async Task ListDomainsAsync_CancelledToken_ThrowsAtOnceWithoutSending()
    {
        var handler = new FakeHttpHandler(_ => Ok("""{"domainInfos":[]}"""));
        var client = NewClient(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListDomainsAsync(NewListDomains(), new CancellationToken(canceled: true)));

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task PollForDecisionTaskAsync_CancelledWhileWaiting_AbortsWithoutRetrying()
    {
        var (handler, entered) = PendingHandler();
        var client = NewClient(handler);
        using var cancellation = new CancellationTokenSource();

        var poll = client.PollForDecisionTaskAsync(NewPoll(), cancellation.Token);
        var sendToken = await entered.Task.WaitAsync(Guard);
        cancellation.Cancel();

        Assert.True(sendToken.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(Guard));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task ListDomainsAsync_CancelledDuringBackoff_AbortsWithoutRetrying()
    {
        var handler = new FakeHttpHandler(_ => ErrorResponse("com.amazon.coral.availability#ThrottlingException", "Rate exceeded"));
        var client = NewClient(handler, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1));
        using var cancellation = new CancellationTokenSource();

        var call = client.ListDomainsAsync(NewListDomains(), cancellation.Token);
        await _time.WaitForTimerAsync(d => d <= TimeSpan.FromSeconds(1)).WaitAsync(Guard);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task PollForDecisionTaskAsync_SlowAnswer_IsCutAtLongPollTimeoutNotRequestTimeout()
    {
        var (handler, entered) = PendingHandler();
        var client = NewClient(handler, o => o.Retry.MaxAttempts = 1);

        var poll = client.PollForDecisionTaskAsync(NewPoll());
        var sendToken = await entered.Task.WaitAsync(Guard);

        Assert.Equal([TimeSpan.FromSeconds(70)], _time.DueTimes);
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(sendToken.IsCancellationRequested, "A long poll must outlive RequestTimeout.");
        _time.Advance(TimeSpan.FromSeconds(39));
        Assert.True(sendToken.IsCancellationRequested, "A long poll must end at LongPollTimeout.");
        var error = await Assert.ThrowsAsync<SwfTransportException>(() => poll.WaitAsync(Guard));
        Assert.Contains("did not answer PollForDecisionTask within 00:01:10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDomainsAsync_SlowAnswer_IsCutAtRequestTimeout()
    {
        var (handler, entered) = PendingHandler();
        var client = NewClient(handler, o => o.Retry.MaxAttempts = 1);

        var call = client.ListDomainsAsync(NewListDomains());
        var sendToken = await entered.Task.WaitAsync(Guard);

        Assert.Equal([TimeSpan.FromSeconds(30)], _time.DueTimes);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(sendToken.IsCancellationRequested);
        var error = await Assert.ThrowsAsync<SwfTransportException>(() => call.WaitAsync(Guard));
        Assert.Contains("did not answer ListDomains within 00:00:30", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsRetryable);
    }

    // ---------------------------------------------------------------- validation before sending

    [Fact]
    public async Task StartWorkflowExecutionAsync_OversizedInput_ThrowsBeforeSendingNamingFieldSizeAndLimit()
    {
        var handler = new FakeHttpHandler(_ => Ok("""{"runId":"r"}"""));
        var client = NewClient(handler);
        var request = new StartWorkflowExecutionRequest
        {
            Domain = "orders",
            WorkflowId = "o-1",
            WorkflowType = new WorkflowType { Name = "Order", Version = "1" },
            Input = new string('x', 32_769),
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.StartWorkflowExecutionAsync(request));

        Assert.Contains("'input'", error.Message, StringComparison.Ordinal);
        Assert.Contains("32768", error.Message, StringComparison.Ordinal);
        Assert.Contains("32769", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task RespondDecisionTaskCompletedAsync_DecisionMissingRequiredMember_ThrowsBeforeSending()
    {
        var handler = new FakeHttpHandler(_ => Ok(string.Empty));
        var client = NewClient(handler);
        var request = new RespondDecisionTaskCompletedRequest
        {
            TaskToken = "t",
            Decisions =
            [
                new Decision { DecisionType = DecisionType.RecordMarker, RecordMarkerDecisionAttributes = new RecordMarkerDecisionAttributes { MarkerName = "m" } },
                new Decision { DecisionType = DecisionType.StartTimer, StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = null!, StartToFireTimeout = "5" } },
            ],
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.RespondDecisionTaskCompletedAsync(request));

        Assert.Contains("Value null at 'decisions.2.member.startTimerDecisionAttributes.timerId'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task StartWorkflowExecutionAsync_ValidationOff_SendsTheRequestAsIs()
    {
        var handler = new FakeHttpHandler(_ => Ok("""{"runId":"r"}"""));
        var client = NewClient(handler, o => o.ValidateRequests = false);

        var response = await client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = "bad:domain",
            WorkflowId = "o-1",
            WorkflowType = new WorkflowType { Name = "Order", Version = "1" },
        });

        Assert.Equal("r", response.Run.RunId);
        Assert.Equal(1, handler.Calls);
    }

    // ---------------------------------------------------------------- secrets

    [Fact]
    public async Task Calls_ThatFailInEveryWay_NeverShowTheSecretKeyOrSignature()
    {
        var scenarios = new Queue<Func<HttpResponseMessage>>(
        [
            () => ErrorResponse("com.amazonaws.swf.base.model#UnknownResourceFault", "Unknown domain"),
            () => Json(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>"),
            () => ErrorResponse("com.amazon.coral.service#InvalidSignatureException", "The request signature we calculated does not match"),
            () => throw new HttpRequestException("Connection reset"),
            () => Json(HttpStatusCode.OK, "{\"domainInfo\":"),
            () => ErrorResponse("com.amazon.coral.availability#ThrottlingException", "Rate exceeded"),
        ]);
        var handler = new FakeHttpHandler(_ => scenarios.Dequeue()());
        var client = NewClient(handler, o =>
        {
            o.Credentials = new SessionAWSCredentials("AKIDEXAMPLE", SecretKey, SessionToken);
            o.Retry.MaxAttempts = 1;
        });
        var shown = new List<string>();

        while (scenarios.Count > 0)
        {
            var error = await Assert.ThrowsAnyAsync<SwfException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "orders" }));
            shown.Add(error.ToString());
        }

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => client.DescribeDomainAsync(new DescribeDomainRequest { Name = "a|b" }));
        shown.Add(invalid.ToString());
        shown.AddRange(_logger.Lines);
        var signatures = handler.Requests.Select(r => r.Headers["Authorization"].Split("Signature=")[1]).ToList();

        Assert.NotEmpty(_logger.Lines);
        Assert.Equal(6, signatures.Count);
        foreach (var text in shown)
        {
            Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
            Assert.All(signatures, signature => Assert.DoesNotContain(signature, text, StringComparison.Ordinal));
        }
    }

    // ---------------------------------------------------------------- construction

    [Fact]
    public void Constructor_LongPollTimeoutNotAboveSixtySeconds_Throws()
    {
        var options = new SwfClientOptions { Region = "us-east-1", LongPollTimeout = TimeSpan.FromSeconds(60) };

        var error = Assert.Throws<ArgumentException>(() => new SwfHttpClient(options));

        Assert.Contains("LongPollTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoRetryAttempts_Throws()
    {
        var options = new SwfClientOptions { Region = "us-east-1" };
        options.Retry.MaxAttempts = 0;

        var error = Assert.Throws<ArgumentException>(() => new SwfHttpClient(options));

        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1", "https://swf.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://swf.cn-north-1.amazonaws.com.cn/")]
    public void RegionalEndpoint_Region_GivesSwfEndpoint(string region, string endpoint)
    {
        Assert.Equal(new Uri(endpoint), SwfHttpClient.RegionalEndpoint(region));
    }

    // ---------------------------------------------------------------- helpers

    private SwfHttpClient NewClient(FakeHttpHandler handler, Action<SwfClientOptions>? configure = null)
    {
        var options = new SwfClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = new Uri(Endpoint),
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            TimeProvider = _time,
            Logger = _logger,
        };
        options.Retry.BaseDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        var client = new SwfHttpClient(options, new HttpClient(handler), ownsHttpClient: true);
        _clients.Add(client);
        return client;
    }

    // The signature of exactly what went on the wire: proves the client sends what it signed.
    private string ExpectedAuthorization(FakeHttpHandler.SentRequest sent, string? sessionToken)
    {
        var request = SigV4Request.Post(
            sent.Uri,
            [new("Content-Type", sent.Headers["Content-Type"]), new("X-Amz-Target", sent.Headers["X-Amz-Target"])],
            sent.Body,
            "us-east-1",
            "swf");
        var secret = sessionToken is null ? "secret" : SecretKey;
        return SigV4Signer.Sign(request, new SigV4Credentials("AKIDEXAMPLE", secret, sessionToken), _time.GetUtcNow().UtcDateTime).Authorization;
    }

    // A handler that never answers: it reports the token it was given and waits for it to be cancelled.
    private static (FakeHttpHandler Handler, TaskCompletionSource<CancellationToken> Entered) PendingHandler()
    {
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHttpHandler(async (_, cancellationToken) =>
        {
            entered.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return (handler, entered);
    }

    private static ListDomainsRequest NewListDomains() => new() { RegistrationStatus = RegistrationStatus.Registered };

    private static PollForDecisionTaskRequest NewPoll() => new() { Domain = "orders", TaskList = new TaskList { Name = "deciders" } };

    private static HttpResponseMessage Ok(string body) => Json(HttpStatusCode.OK, body);

    private static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        FakeHttpHandler.Respond(status, body, [("x-amzn-RequestId", RequestId), .. headers]);

    private static HttpResponseMessage ErrorResponse(string type, string message) =>
        Json(HttpStatusCode.BadRequest, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }));
}
