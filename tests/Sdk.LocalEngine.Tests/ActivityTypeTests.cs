using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ActivityTypeTests
{
    [Fact]
    public async Task RegisterActivityType_New_DescribeReturnsDefaults()
    {
        using var h = await EngineHarness.CreateAsync();

        var detail = (await h.Engine.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = EngineHarness.Activity })).ActivityTypeDetail;

        Assert.Equal(RegistrationStatus.Registered, detail.TypeInfo.Status);
        Assert.Equal(EngineHarness.ActivityList, detail.Configuration.DefaultTaskList!.Name);
        Assert.Equal("60", detail.Configuration.DefaultTaskScheduleToStartTimeout);
        Assert.Equal("300", detail.Configuration.DefaultTaskScheduleToCloseTimeout);
        Assert.Equal("120", detail.Configuration.DefaultTaskStartToCloseTimeout);
        Assert.Null(detail.Configuration.DefaultTaskHeartbeatTimeout);
    }

    [Fact]
    public async Task RegisterActivityType_Existing_ThrowsTypeAlreadyExists()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<TypeAlreadyExistsException>(() => h.Engine.RegisterActivityTypeAsync(
            new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = EngineHarness.Activity.Name, Version = EngineHarness.Activity.Version }));
    }

    [Fact]
    public async Task DeleteActivityType_Lifecycle_RequiresDeprecationFirst()
    {
        using var h = await EngineHarness.CreateAsync();
        var type = EngineHarness.Activity;

        await Assert.ThrowsAsync<TypeNotDeprecatedException>(() => h.Engine.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = type }));
        await h.Engine.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = type });
        await Assert.ThrowsAsync<TypeDeprecatedException>(() => h.Engine.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = type }));
        await h.Engine.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = type });

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = type }));
        var listed = await h.Engine.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Deprecated });
        Assert.Empty(listed.ActivityTypeInfos.TypeInfos);
    }

    [Fact]
    public async Task UndeprecateActivityType_Registered_ThrowsTypeAlreadyExists()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<TypeAlreadyExistsException>(() => h.Engine.UndeprecateActivityTypeAsync(
            new UndeprecateActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = EngineHarness.Activity }));
    }

    [Fact]
    public async Task ListActivityTypes_Registered_AscendingByName()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "Zed", Version = "1" });
        await h.Engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "Abc", Version = "1" });

        var listed = await h.Engine.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = RegistrationStatus.Registered });

        Assert.Equal(["Abc", "Act", "Zed"], listed.ActivityTypeInfos.TypeInfos.Select(t => t.ActivityType.Name));
    }
}
