using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Swf.Generators.Helpers;
using Swf.Generators.Models;

namespace Swf.Generators;

/// <summary>
/// Emits, per <c>[Activities]</c> interface, a workflow-side proxy and an activity-side dispatcher, and
/// per <c>[Workflow]</c> class its definition and a typed client, plus one registration class that
/// puts all of them in <c>SwfRegistry</c> from a module initializer.
/// </summary>
/// <remarks>
/// The pipeline holds only equatable models (strings and <see cref="EquatableArray{T}"/>): no symbols,
/// syntax nodes or compilations cross a step, so an unrelated edit reuses every cached output.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class WorkflowGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var workflows = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.WorkflowAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Parser.ParseWorkflow(ctx, ct))
            .WithTrackingName(StepNames.ParseWorkflow);
        var activities = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ActivitiesAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (ctx, ct) => Parser.ParseActivities(ctx, ct))
            .WithTrackingName(StepNames.ParseActivities);

        context.RegisterSourceOutput(workflows.Select(static (r, _) => r.Diagnostics), Emitter.Report);
        context.RegisterSourceOutput(activities.Select(static (r, _) => r.Diagnostics), Emitter.Report);

        var workflowModels = workflows
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(StepNames.WorkflowModel);
        var activitiesModels = activities
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(StepNames.ActivitiesModel);

        context.RegisterSourceOutput(workflowModels, Emitter.EmitWorkflow);
        context.RegisterSourceOutput(activitiesModels, Emitter.EmitActivities);

        var all = workflowModels.Collect()
            .Combine(activitiesModels.Collect())
            .Select(static (pair, _) => new RegistrationModel(Sort(pair.Left, static w => w.FullTypeName), Sort(pair.Right, static a => a.FullInterfaceName)))
            .WithTrackingName(StepNames.Registration);
        context.RegisterSourceOutput(all, Emitter.EmitRegistration);
    }

    private static EquatableArray<T> Sort<T>(ImmutableArray<T> items, System.Func<T, string> key)
        where T : System.IEquatable<T> =>
        System.Linq.Enumerable.OrderBy(items, key, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The tracking names of the pipeline's steps, for incrementality tests.</summary>
    public static class StepNames
    {
        /// <summary>Parsing a <c>[Workflow]</c> class.</summary>
        public const string ParseWorkflow = nameof(ParseWorkflow);

        /// <summary>Parsing an <c>[Activities]</c> interface.</summary>
        public const string ParseActivities = nameof(ParseActivities);

        /// <summary>The workflow models without errors.</summary>
        public const string WorkflowModel = nameof(WorkflowModel);

        /// <summary>The activities models without errors.</summary>
        public const string ActivitiesModel = nameof(ActivitiesModel);

        /// <summary>All models together, for the registration class.</summary>
        public const string Registration = nameof(Registration);
    }
}
