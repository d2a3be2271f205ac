namespace Swf.Workflows;

/// <summary>
/// Marks the one method of a <see cref="WorkflowAttribute">[Workflow]</see> class that runs the
/// workflow. It returns <see cref="Task"/> or <see cref="Task{TResult}"/>; its parameters are the
/// execution's input (a <see cref="CancellationToken"/> parameter receives
/// <see cref="Workflow.CancellationToken"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class WorkflowRunAttribute : Attribute
{
}
