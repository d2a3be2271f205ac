using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>Workflow and activity types through <see cref="Client.SwfHttpClient"/> against moto_server.</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoTypeTests(MotoServerFixture moto)
{
    [SkippableFact]
    public async Task RegisterWorkflowType_WithDefaults_DescribesTypeAndConfiguration()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        var type = new WorkflowType { Name = "shipping", Version = "2.0" };

        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = domain,
            Name = type.Name,
            Version = type.Version,
            Description = "ships orders",
            DefaultTaskList = new TaskList { Name = "deciders" },
            DefaultTaskStartToCloseTimeout = "30",
            DefaultExecutionStartToCloseTimeout = "600",
            DefaultChildPolicy = ChildPolicy.Abandon,
            DefaultTaskPriority = "5",
        });
        var detail = (await client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = domain, WorkflowType = type }))
            .WorkflowTypeDetail;

        Assert.Equal(type.Name, detail.TypeInfo.WorkflowType.Name);
        Assert.Equal(type.Version, detail.TypeInfo.WorkflowType.Version);
        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal("ships orders", detail.TypeInfo.Description);
        Assert.Null(detail.TypeInfo.DeprecationDate);

        // creationDate is present (it is required) but moto sends a constant 2015-01-01, so its value is not checked.
        Assert.Equal("deciders", detail.Configuration.DefaultTaskList?.Name);
        Assert.Equal("30", detail.Configuration.DefaultTaskStartToCloseTimeout);
        Assert.Equal("600", detail.Configuration.DefaultExecutionStartToCloseTimeout);
        Assert.Equal(ChildPolicy.Abandon, detail.Configuration.DefaultChildPolicy);
        Assert.Equal("5", detail.Configuration.DefaultTaskPriority);
    }

    [SkippableFact]
    public async Task RegisterActivityType_WithDefaults_DescribesTypeAndConfiguration()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        var type = new ActivityType { Name = "charge-card", Version = "1" };

        // defaultTaskPriority is not sent: moto drops it for activity types, so it could not be checked.
        await client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = domain,
            Name = type.Name,
            Version = type.Version,
            Description = "charges a card",
            DefaultTaskList = new TaskList { Name = "payments" },
            DefaultTaskScheduleToStartTimeout = "60",
            DefaultTaskScheduleToCloseTimeout = "120",
            DefaultTaskStartToCloseTimeout = "90",
            DefaultTaskHeartbeatTimeout = "15",
        });
        var detail = (await client.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = domain, ActivityType = type }))
            .ActivityTypeDetail;

        Assert.Equal(type.Name, detail.TypeInfo.ActivityType.Name);
        Assert.Equal(type.Version, detail.TypeInfo.ActivityType.Version);
        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal("charges a card", detail.TypeInfo.Description);
        Assert.Equal("payments", detail.Configuration.DefaultTaskList?.Name);
        Assert.Equal("60", detail.Configuration.DefaultTaskScheduleToStartTimeout);
        Assert.Equal("120", detail.Configuration.DefaultTaskScheduleToCloseTimeout);
        Assert.Equal("90", detail.Configuration.DefaultTaskStartToCloseTimeout);
        Assert.Equal("15", detail.Configuration.DefaultTaskHeartbeatTimeout);
    }

    [SkippableFact]
    public async Task ListWorkflowTypes_SeveralNames_SortsByNameAndReversesOnRequest()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        foreach (var name in new[] { "beta", "gamma", "alpha" })
        {
            await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = name, Version = "1" });
        }

        var ascending = await client.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered });
        var descending = await client.ListWorkflowTypesAsync(new ListWorkflowTypesRequest
        {
            Domain = domain,
            RegistrationStatus = RegistrationStatus.Registered,
            ReverseOrder = true,
        });

        Assert.Equal(["alpha", "beta", "gamma"], ascending.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Name));
        Assert.Equal(["gamma", "beta", "alpha"], descending.WorkflowTypeInfos.TypeInfos.Select(t => t.WorkflowType.Name));
        Assert.All(ascending.WorkflowTypeInfos.TypeInfos, t => Assert.Equal(RegistrationStatus.Registered, t.Status));
    }

    [SkippableFact]
    public async Task ListActivityTypes_SeveralNames_SortsByName()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        foreach (var name in new[] { "ship", "pack", "bill" })
        {
            await client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = domain, Name = name, Version = "1" });
        }

        var listed = await client.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered });

        Assert.Equal(["bill", "pack", "ship"], listed.ActivityTypeInfos.TypeInfos.Select(t => t.ActivityType.Name));
    }

    [SkippableFact]
    public async Task DeprecateWorkflowType_Registered_ListsAsDeprecatedUntilUndeprecated()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        var type = new WorkflowType { Name = "retired", Version = "1" };
        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = type.Name, Version = type.Version });

        await client.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = type });

        var info = (await client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = domain, WorkflowType = type })).WorkflowTypeDetail.TypeInfo;
        Assert.Equal(RegistrationStatus.Deprecated, info.Status);
        Assert.NotNull(info.DeprecationDate);
        var deprecated = await client.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Deprecated });
        Assert.Equal("retired", Assert.Single(deprecated.WorkflowTypeInfos.TypeInfos).WorkflowType.Name);
        var registered = await client.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered });
        Assert.Empty(registered.WorkflowTypeInfos.TypeInfos);
        await Assert.ThrowsAsync<TypeDeprecatedException>(
            () => client.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = type }));

        await client.UndeprecateWorkflowTypeAsync(new UndeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = type });

        info = (await client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = domain, WorkflowType = type })).WorkflowTypeDetail.TypeInfo;
        Assert.Equal(RegistrationStatus.Registered, info.Status);
        await Assert.ThrowsAsync<TypeAlreadyExistsException>(
            () => client.UndeprecateWorkflowTypeAsync(new UndeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = type }));
    }

    [SkippableFact]
    public async Task DeprecateActivityType_Registered_ListsAsDeprecatedUntilUndeprecated()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        var type = new ActivityType { Name = "legacy", Version = "1" };
        await client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = domain, Name = type.Name, Version = type.Version });

        await client.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = domain, ActivityType = type });

        var info = (await client.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = domain, ActivityType = type })).ActivityTypeDetail.TypeInfo;
        Assert.Equal(RegistrationStatus.Deprecated, info.Status);
        Assert.NotNull(info.DeprecationDate);
        var deprecated = await client.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Deprecated });
        Assert.Equal("legacy", Assert.Single(deprecated.ActivityTypeInfos.TypeInfos).ActivityType.Name);
        await Assert.ThrowsAsync<TypeDeprecatedException>(
            () => client.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = domain, ActivityType = type }));

        await client.UndeprecateActivityTypeAsync(new UndeprecateActivityTypeRequest { Domain = domain, ActivityType = type });

        var registered = await client.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered });
        Assert.Equal("legacy", Assert.Single(registered.ActivityTypeInfos.TypeInfos).ActivityType.Name);
    }

    [SkippableFact]
    public async Task RegisterWorkflowType_ExistingNameAndVersion_ThrowsTypeAlreadyExists()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = "dup", Version = "1" });

        var error = await Assert.ThrowsAsync<TypeAlreadyExistsException>(
            () => client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = "dup", Version = "1" }));

        Assert.Equal("TypeAlreadyExistsFault", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);

        // Another version of the same name is a different type.
        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = "dup", Version = "2" });
    }

    [SkippableFact]
    public async Task RegisterActivityType_ExistingNameAndVersion_ThrowsTypeAlreadyExists()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();
        await client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = domain, Name = "dup", Version = "1" });

        await Assert.ThrowsAsync<TypeAlreadyExistsException>(
            () => client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = domain, Name = "dup", Version = "1" }));
    }

    [SkippableFact]
    public async Task DescribeWorkflowType_UnknownType_ThrowsUnknownResource()
    {
        var client = moto.RequireClient();
        var domain = await RegisterDomainAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => client.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest
        {
            Domain = domain,
            WorkflowType = new WorkflowType { Name = "nope", Version = "1" },
        }));
    }

    [SkippableFact]
    public async Task RegisterActivityType_UnknownDomain_ThrowsUnknownResource()
    {
        var client = moto.RequireClient();

        await Assert.ThrowsAsync<UnknownResourceException>(() => client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = MotoScenario.Unique("missing"),
            Name = "any",
            Version = "1",
        }));
    }

    private async Task<string> RegisterDomainAsync()
    {
        var name = MotoScenario.Unique("types");
        await moto.Client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });
        return name;
    }
}
