using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>A workflow type the host runs; resolved when the host starts.</summary>
/// <param name="Definition">Returns the workflow's definition.</param>
internal sealed record SwfWorkflowRegistration(Func<WorkflowDefinition> Definition);
