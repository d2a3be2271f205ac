using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class WorkflowTypeTests
{
    [Fact]
    public async Task RegisterWorkflowType_New_DescribeReturnsDefaults()
    {
        using var h = await EngineHarness.CreateAsync();

        var detail = (await h.Engine.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow })).WorkflowTypeDetail;

        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime, detail.TypeInfo.CreationDate);
        Assert.Null(detail.TypeInfo.DeprecationDate);
        Assert.Equal("3600", detail.Configuration.DefaultExecutionStartToCloseTimeout);
        Assert.Equal("30", detail.Configuration.DefaultTaskStartToCloseTimeout);
        Assert.Equal(EngineHarness.DecisionList, detail.Configuration.DefaultTaskList!.Name);
        Assert.Equal(ChildPolicy.Terminate, detail.Configuration.DefaultChildPolicy);
    }

    [Fact]
    public async Task RegisterWorkflowType_Existing_ThrowsTypeAlreadyExists()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<TypeAlreadyExistsException>(() => h.Engine.RegisterWorkflowTypeAsync(
            new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = EngineHarness.Workflow.Name, Version = EngineHarness.Workflow.Version }));
    }

    [Fact]
    public async Task RegisterWorkflowType_UnknownDomain_ThrowsUnknownResource()
    {
        using var h = new EngineHarness();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.RegisterWorkflowTypeAsync(
            new RegisterWorkflowTypeRequest { Domain = "nope", Name = "n", Version = "1" }));
    }

    [Fact]
    public async Task DeleteWorkflowType_NotDeprecated_ThrowsTypeNotDeprecated()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<TypeNotDeprecatedException>(() => h.Engine.DeleteWorkflowTypeAsync(
            new DeleteWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow }));
    }

    [Fact]
    public async Task DeleteWorkflowType_Deprecated_RemovesType()
    {
        using var h = await EngineHarness.CreateAsync();
        h.AdvanceSeconds(10);
        await h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });
        var deprecated = (await h.Engine.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow })).WorkflowTypeDetail.TypeInfo;
        Assert.Equal(RegistrationStatus.Deprecated, deprecated.Status);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(10), deprecated.DeprecationDate);

        await h.Engine.DeleteWorkflowTypeAsync(new DeleteWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.DescribeWorkflowTypeAsync(
            new DescribeWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.StartAsync());
    }

    [Fact]
    public async Task DeprecateWorkflowType_Twice_ThrowsTypeDeprecatedAndUndeprecateRestores()
    {
        using var h = await EngineHarness.CreateAsync();
        var request = new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow };
        await h.Engine.DeprecateWorkflowTypeAsync(request);

        await Assert.ThrowsAsync<TypeDeprecatedException>(() => h.Engine.DeprecateWorkflowTypeAsync(request));
        await h.Engine.UndeprecateWorkflowTypeAsync(new UndeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });
        await Assert.ThrowsAsync<TypeAlreadyExistsException>(() => h.Engine.UndeprecateWorkflowTypeAsync(
            new UndeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow }));
        await h.StartAsync();
    }

    [Fact]
    public async Task ListWorkflowTypes_StatusAndName_FiltersAndOrdersByNameThenVersion()
    {
        using var h = await EngineHarness.CreateAsync();
        foreach (var (name, version) in new[] { ("B", "1"), ("A", "2"), ("A", "1"), ("C", "1") })
        {
            await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = name, Version = version });
        }

        await h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = new WorkflowType { Name = "C", Version = "1" } });

        var all = await h.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Registered });
        Assert.Equal(["A/1", "A/2", "B/1", "Wf/1"], all.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Name + "/" + t.WorkflowType.Version));
        var named = await h.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest
        {
            Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Registered, Name = "A", ReverseOrder = true,
        });
        Assert.Equal(["2", "1"], named.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Version));
        var deprecated = await h.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Deprecated });
        Assert.Equal(["C"], deprecated.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Name));
    }

    [Fact]
    public async Task ListWorkflowTypes_Paged_ReturnsEveryTypeOnce()
    {
        using var h = await EngineHarness.CreateAsync();
        for (var i = 0; i < 7; i++)
        {
            await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "T", Version = "v" + i });
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await h.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest
            {
                Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Registered, Name = "T", MaximumPageSize = 3, NextPageToken = token,
            });
            Assert.True(page.WorkflowTypeInfos.TypeInfos.Count <= 3);
            seen.AddRange(page.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Version));
            token = page.WorkflowTypeInfos.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "v" + i), seen);
    }
}
