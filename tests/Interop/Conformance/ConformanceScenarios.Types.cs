using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests.Conformance;

/// <summary>Domains, types and the domain's resource tags.</summary>
public abstract partial class ConformanceScenarios
{
    [SkippableFact]
    public async Task WorkflowType_DescribeListDeprecateUndeprecate_FollowsTheTypesLifecycle()
    {
        var s = await ScenarioAsync("types");
        var alpha = new WorkflowType { Name = "alpha", Version = "1" };
        await RegisterWorkflowTypeAsync(s, alpha);

        var detail = (await s.Client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType })).WorkflowTypeDetail;
        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal(MotoScenario.DecisionTaskList, detail.Configuration.DefaultTaskList!.Name);
        Assert.Equal("3600", detail.Configuration.DefaultExecutionStartToCloseTimeout);
        Assert.Equal(["alpha", "order"], await WorkflowTypeNamesAsync(s, RegistrationStatus.Registered));

        await s.Client.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType });

        Assert.Equal(["alpha"], await WorkflowTypeNamesAsync(s, RegistrationStatus.Registered));
        Assert.Equal(["order"], await WorkflowTypeNamesAsync(s, RegistrationStatus.Deprecated));
        var deprecated = (await s.Client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType })).WorkflowTypeDetail.TypeInfo;
        Assert.Equal(RegistrationStatus.Deprecated, deprecated.Status);
        Assert.NotNull(deprecated.DeprecationDate);
        await Assert.ThrowsAsync<TypeDeprecatedException>(() => s.StartAsync("wf"));

        await s.Client.UndeprecateWorkflowTypeAsync(new UndeprecateWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType });

        Assert.Equal(["alpha", "order"], await WorkflowTypeNamesAsync(s, RegistrationStatus.Registered));
        await s.StartAsync("wf");
    }

    [SkippableFact]
    public async Task ActivityType_DescribeAndDeprecate_ListsByStatus()
    {
        var s = await ScenarioAsync("atypes");

        var detail = (await s.Client.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType })).ActivityTypeDetail;
        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal(MotoScenario.ActivityTaskList, detail.Configuration.DefaultTaskList!.Name);
        Assert.Equal("600", detail.Configuration.DefaultTaskScheduleToCloseTimeout);

        await s.Client.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType });

        var deprecated = (await s.Client.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = s.Domain, RegistrationStatus = RegistrationStatus.Deprecated })).ActivityTypeInfos.TypeInfos;
        Assert.Equal("charge", Assert.Single(deprecated).ActivityType.Name);
        Assert.Empty((await s.Client.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = s.Domain, RegistrationStatus = RegistrationStatus.Registered })).ActivityTypeInfos.TypeInfos);
    }

    [SkippableFact]
    public async Task DeleteType_NotDeprecated_IsRefusedThenDeletedAfterDeprecation()
    {
        Require(ConformanceFeature.TypeDeletion);
        var s = await ScenarioAsync("delete");

        await Assert.ThrowsAsync<TypeNotDeprecatedException>(() =>
            s.Client.DeleteWorkflowTypeAsync(new DeleteWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType }));
        await Assert.ThrowsAsync<TypeNotDeprecatedException>(() =>
            s.Client.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType }));

        await s.Client.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType });
        await s.Client.DeleteWorkflowTypeAsync(new DeleteWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType });
        await s.Client.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType });
        await s.Client.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType });

        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            s.Client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = s.Domain, WorkflowType = s.WorkflowType }));
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            s.Client.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = s.Domain, ActivityType = s.ActivityType }));
    }

    [SkippableFact]
    public async Task Domain_RegisteredTwiceOrUnknown_FaultsAsSwfDocuments()
    {
        var s = await ScenarioAsync("dom");

        var domain = (await s.Client.DescribeDomainAsync(new DescribeDomainRequest { Name = s.Domain })).DomainDetail;
        Assert.Equal(s.Domain, domain.DomainInfo.Name);
        Assert.Equal(RegistrationStatus.Registered, domain.DomainInfo.Status);
        Assert.Equal("1", domain.Configuration.WorkflowExecutionRetentionPeriodInDays);
        await Assert.ThrowsAsync<DomainAlreadyExistsException>(() =>
            s.Client.RegisterDomainAsync(new RegisterDomainRequest { Name = s.Domain, WorkflowExecutionRetentionPeriodInDays = "1" }));
        var unknown = MotoScenario.Unique("conf-missing");
        await Assert.ThrowsAsync<UnknownResourceException>(() => s.Client.DescribeDomainAsync(new DescribeDomainRequest { Name = unknown }));
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            s.Client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = unknown, WorkflowId = "wf", WorkflowType = s.WorkflowType }));
    }

    [SkippableFact]
    public async Task Tags_OnTheDomainArn_AreAddedListedAndRemoved()
    {
        var s = await ScenarioAsync("tags");
        var arn = (await s.Client.DescribeDomainAsync(new DescribeDomainRequest { Name = s.Domain })).DomainDetail.DomainInfo.Arn;
        Assert.False(string.IsNullOrEmpty(arn));

        await s.Client.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = arn!,
            Tags = [new ResourceTag { Key = "env", Value = "test" }, new ResourceTag { Key = "team", Value = "core" }],
        });
        Assert.Equal(["env=test", "team=core"], await TagsAsync(s, arn!));

        await s.Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn!, TagKeys = ["env"] });
        Assert.Equal(["team=core"], await TagsAsync(s, arn!));
    }

    private static async Task<List<string>> TagsAsync(MotoScenario s, string arn) =>
        [.. ((await s.Client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags ?? [])
            .Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal)];

    private static async Task<List<string>> WorkflowTypeNamesAsync(MotoScenario s, RegistrationStatus status) =>
        [.. (await s.Client.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = s.Domain, RegistrationStatus = status }))
            .WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Name)];

    private static async Task RegisterWorkflowTypeAsync(MotoScenario s, WorkflowType type) =>
        await s.Client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = s.Domain,
            Name = type.Name,
            Version = type.Version,
            DefaultTaskList = new TaskList { Name = MotoScenario.DecisionTaskList },
            DefaultExecutionStartToCloseTimeout = "3600",
            DefaultTaskStartToCloseTimeout = "300",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
}
