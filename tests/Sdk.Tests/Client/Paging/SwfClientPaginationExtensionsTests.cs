using Swf.Client;
using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class SwfClientPaginationExtensionsTests
{
    [Fact]
    public void Paginators_NullArguments_Throw()
    {
        var client = FakeSwfClient.Create().Client;
        var request = new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered };
        var poll = new PollForDecisionTaskRequest { Domain = "d", TaskList = new TaskList { Name = "t" } };

        Assert.Throws<ArgumentNullException>(() => ((ISwfClient)null!).ListDomainsPaginator(request));
        Assert.Throws<ArgumentNullException>(() => client.ListDomainsPaginator(null!));
        Assert.Throws<ArgumentNullException>(() => client.PollForDecisionTaskPaginator(poll, null!));
    }

    [Fact]
    public void Paginators_Created_SendNothingUntilEnumerated()
    {
        var fake = FakeSwfClient.Create();

        _ = fake.Client.ListDomainsPaginator(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered }).DomainInfos;
        _ = fake.Client.GetWorkflowExecutionHistoryPaginator(new GetWorkflowExecutionHistoryRequest
        {
            Domain = "d",
            Execution = new WorkflowExecution { WorkflowId = "w", RunId = "r" },
        }).Events;

        Assert.Empty(fake.Calls);
    }
}
