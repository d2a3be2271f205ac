using Swf.Converters;
using Swf.Registration;
using Swf.Workflows;

namespace Swf.Tests.Registration;

public sealed class SwfRegistryTests
{
    private interface INotGenerated
    {
    }

    private sealed class NotGeneratedWorkflow
    {
    }

    [Fact]
    public void CreateActivityProxy_NothingGenerated_ThrowsNamingTheInterface()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Workflow.Activities<INotGenerated>());

        Assert.Contains(nameof(INotGenerated), error.Message, StringComparison.Ordinal);
        Assert.Contains("[Activities]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetWorkflowDefinition_NothingGenerated_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => SwfRegistry.GetWorkflowDefinition<NotGeneratedWorkflow>());
    }

    [Fact]
    public void Register_ThenLookUp_ReturnsWhatWasRegistered()
    {
        var definition = new WorkflowDefinition
        {
            WorkflowType = new() { Name = "Registered", Version = "1" },
            CreateInstance = () => new RegisteredWorkflow(),
            Run = (_, _) => Task.FromResult<string?>(null),
        };
        SwfRegistry.RegisterWorkflow<RegisteredWorkflow>(definition);
        SwfRegistry.RegisterActivityProxy<IRegistered>(_ => new Registered());
        SwfRegistry.RegisterActivities<IRegistered>((factory, _) => [new Swf.Activities.ActivityDefinition { ActivityType = new() { Name = factory().Name, Version = "1" }, Execute = (_, _) => Task.FromResult<string?>(null) }]);

        Assert.Same(definition, SwfRegistry.GetWorkflowDefinition<RegisteredWorkflow>());
        Assert.Contains(definition, SwfRegistry.WorkflowDefinitions);
        Assert.IsType<Registered>(Workflow.Activities<IRegistered>());
        Assert.Equal("r", Assert.Single(SwfRegistry.CreateActivityDefinitions<IRegistered>(new Registered(), new JsonPayloadConverter(new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine() }))).ActivityType.Name);
    }

    // The registry is process-wide: these types are registered by one test and never looked up as missing.
    private sealed class RegisteredWorkflow
    {
    }

    private interface IRegistered
    {
        string Name { get; }
    }

    private sealed class Registered : IRegistered
    {
        public string Name => "r";
    }
}
