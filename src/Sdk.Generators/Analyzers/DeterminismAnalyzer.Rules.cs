using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Swf.Generators.Diagnostics;

namespace Swf.Generators.Analyzers;

/// <content>The traps: which operations break replay, and the fix each one offers.</content>
public sealed partial class DeterminismAnalyzer
{
    private const string WorkflowFacade = "global::Swf.Workflows.Workflow";

    /// <summary>The operation kinds <see cref="Find"/> and <see cref="AddReferences"/> look at.</summary>
    private static readonly ImmutableArray<OperationKind> AnalyzedKinds = ImmutableArray.Create(
        OperationKind.PropertyReference,
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.FieldReference,
        OperationKind.MethodReference,
        OperationKind.Lock);

    /// <summary>Returns the trap an operation springs, or null when it is deterministic.</summary>
    private static Finding? Find(IOperation operation, KnownTypes types) => operation switch
    {
        IPropertyReferenceOperation p => FindProperty(p, types),
        IInvocationOperation i => FindInvocation(i, types),
        IObjectCreationOperation o => FindCreation(o, types),
        IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: false, IsConst: false } field } f
            when field.ContainingType?.TypeKind != TypeKind.Enum =>
            Create(DiagnosticDescriptors.MutableStaticState, f, field.ContainingType?.Name + "." + field.Name),
        ILockOperation l => new Finding(DiagnosticDescriptors.BlockingSynchronization, LockLocation(l), "lock", ImmutableDictionary<string, string?>.Empty),
        _ => null,
    };

    private static Finding? FindProperty(IPropertyReferenceOperation operation, KnownTypes types)
    {
        var property = operation.Property;
        var type = property.ContainingType;
        var name = $"{type.Name}.{property.Name}";
        if (Is(type, types.DateTime) && property.Name is "Now" or "UtcNow" or "Today")
        {
            return Create(DiagnosticDescriptors.ClockAccess, operation, name, property.Name == "UtcNow" ? WorkflowFacade + ".UtcNow" : null);
        }

        if (Is(type, types.DateTimeOffset) && property.Name is "Now" or "UtcNow")
        {
            return Create(DiagnosticDescriptors.ClockAccess, operation, name, property.Name == "UtcNow" ? $"new global::System.DateTimeOffset({WorkflowFacade}.UtcNow)" : null);
        }

        if (Is(type, types.TimeProvider) && property.Name == "System")
        {
            return Create(DiagnosticDescriptors.ClockAccess, operation, name);
        }

        if (Is(type, types.Random) && property.IsStatic)
        {
            return Create(DiagnosticDescriptors.RandomUse, operation, name, WorkflowFacade + ".Random");
        }

        if (Is(type, types.Environment))
        {
            return Create(DiagnosticDescriptors.EnvironmentUse, operation, name);
        }

        if (Is(type, types.Console))
        {
            return Create(DiagnosticDescriptors.ConsoleUse, operation, name);
        }

        if (property.Name == "Result" && (Is(type.OriginalDefinition, types.TaskOfT) || Is(type.OriginalDefinition, types.ValueTaskOfT)))
        {
            return Create(DiagnosticDescriptors.BlockingTaskWait, operation, type.Name + ".Result");
        }

        return null;
    }

    private static Finding? FindInvocation(IInvocationOperation operation, KnownTypes types)
    {
        var method = operation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        var name = $"{type.Name}.{method.Name}";
        if (Is(type, types.Guid) && method.Name == "NewGuid")
        {
            return Create(DiagnosticDescriptors.NewGuid, operation, name, WorkflowFacade + ".NewGuid()");
        }

        if (Is(type, types.Stopwatch) && method.IsStatic)
        {
            return Create(DiagnosticDescriptors.StopwatchUse, operation, name);
        }

        if ((Is(type, types.Task) && method.Name == "Run") || (Is(type, types.TaskFactory) && method.Name == "StartNew") || Is(type, types.ThreadPool))
        {
            return Create(DiagnosticDescriptors.ThreadPoolWork, operation, name);
        }

        if (Is(type, types.CancellationTokenSource) && method.Name == "CancelAsync")
        {
            return Create(DiagnosticDescriptors.CancelAsync, operation, name);
        }

        if (Is(type, types.Task) && method.Name == "Delay")
        {
            var fixable = method.Parameters.Length > 0 && Is(method.Parameters[0].Type, types.TimeSpan)
                && method.Parameters.Skip(1).All(p => p.Type.Name == "CancellationToken");
            return Create(DiagnosticDescriptors.Sleep, operation, name, fixable ? WorkflowFacade + ".DelayAsync" : null, ReplaceTarget);
        }

        if (Is(type, types.Thread) && method.Name is "Sleep" or "SpinWait" or "Yield")
        {
            return Create(DiagnosticDescriptors.Sleep, operation, name);
        }

        if (method.Name == "ConfigureAwait" && operation.Arguments.Length == 1 && IsTaskLike(type, types))
        {
            return FindConfigureAwait(operation, types, name);
        }

        if (FindBlockingWait(operation, types, name) is { } wait)
        {
            return wait;
        }

        if (Is(type, types.Parallel))
        {
            return Create(DiagnosticDescriptors.ParallelUse, operation, name);
        }

        if (InheritsFrom(type, types.HttpClient))
        {
            return Create(DiagnosticDescriptors.HttpUse, operation, name);
        }

        if (types.FileTypes.Any(t => Is(type, t)) && method.IsStatic)
        {
            return Create(DiagnosticDescriptors.FileUse, operation, name);
        }

        if (Is(type, types.Console))
        {
            return Create(DiagnosticDescriptors.ConsoleUse, operation, name);
        }

        if (Is(type, types.Environment))
        {
            return Create(DiagnosticDescriptors.EnvironmentUse, operation, name);
        }

        return null;
    }

    /// <summary>
    /// ConfigureAwait(false) is SWF2007. ConfigureAwait(ConfigureAwaitOptions) is SWF2018 unless the options are a
    /// constant with ContinueOnCapturedContext: that flag, alone or with others, resumes on the captured scheduler
    /// (the workflow's), like a plain await. Only <c>None</c> is fixed mechanically, because dropping
    /// ConfigureAwait keeps its meaning; ForceYielding and SuppressThrowing would change behaviour.
    /// </summary>
    private static Finding? FindConfigureAwait(IInvocationOperation operation, KnownTypes types, string name)
    {
        var argument = operation.Arguments[0].Value;
        if (argument.ConstantValue is { HasValue: true, Value: false })
        {
            return Create(DiagnosticDescriptors.ConfigureAwaitFalse, operation, name, string.Empty, ReplaceWithReceiver);
        }

        if (types.ConfigureAwaitOptions is null || !Is(operation.TargetMethod.Parameters[0].Type, types.ConfigureAwaitOptions))
        {
            return null;
        }

        var constant = argument.ConstantValue is { HasValue: true, Value: { } value } ? System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        if (constant is { } flags && (flags & ContinueOnCapturedContextFlag) != 0)
        {
            return null;
        }

        var display = $"ConfigureAwait({operation.Arguments[0].Syntax})";
        return Create(DiagnosticDescriptors.ConfigureAwaitOptionsUse, operation, display, constant == 0 ? string.Empty : null, ReplaceWithReceiver);
    }

    /// <summary>ConfigureAwaitOptions.ContinueOnCapturedContext.</summary>
    private const long ContinueOnCapturedContextFlag = 1;

    /// <summary>SWF2016 (waiting for a task) and SWF2017 (waiting on a synchronization primitive).</summary>
    private static Finding? FindBlockingWait(IInvocationOperation operation, KnownTypes types, string name)
    {
        var method = operation.TargetMethod;
        var type = method.ContainingType;
        if ((Is(type, types.Task) && method.Name is "Wait" or "WaitAll" or "WaitAny")
            || (method.Name == "GetResult" && IsTaskAwaiter(type)))
        {
            return Create(DiagnosticDescriptors.BlockingTaskWait, operation, name);
        }

        var waits = (Is(type, types.Monitor) && (method.Name is "Enter" or "Wait" || (method.Name == "TryEnter" && HasTimeout(method, types))))
            || (Is(type, types.Lock) && (method.Name is "Enter" or "EnterScope" || (method.Name == "TryEnter" && HasTimeout(method, types))))
            || (Is(type, types.SemaphoreSlim) && method.Name is "Wait" or "WaitAsync")
            || (Is(type, types.Thread) && method.Name == "Join")
            || (Is(type, types.ManualResetEventSlim) && method.Name == "Wait")
            || (Is(type, types.CountdownEvent) && method.Name == "Wait")
            || (Is(type, types.Barrier) && method.Name == "SignalAndWait")
            || (InheritsFrom(type, types.WaitHandle) && method.Name is "WaitOne" or "WaitAll" or "WaitAny" or "SignalAndWait");
        return waits ? Create(DiagnosticDescriptors.BlockingSynchronization, operation, name) : null;
    }

    private static Finding? FindCreation(IObjectCreationOperation operation, KnownTypes types)
    {
        if (operation.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        var name = "new " + type.Name;
        if (InheritsFrom(type, types.Random))
        {
            return Create(DiagnosticDescriptors.RandomUse, operation, name, operation.Arguments.Length == 0 ? WorkflowFacade + ".Random" : null);
        }

        if (Is(type, types.Stopwatch))
        {
            return Create(DiagnosticDescriptors.StopwatchUse, operation, name);
        }

        if (Is(type, types.Thread))
        {
            return Create(DiagnosticDescriptors.ThreadPoolWork, operation, name);
        }

        if (types.TimerTypes.Any(t => Is(type, t)))
        {
            return Create(DiagnosticDescriptors.TimerUse, operation, name);
        }

        if (InheritsFrom(type, types.HttpClient))
        {
            return Create(DiagnosticDescriptors.HttpUse, operation, name);
        }

        if (types.FileTypes.Any(t => Is(type, t)) || types.StreamTypes.Any(t => Is(type, t)))
        {
            return Create(DiagnosticDescriptors.FileUse, operation, name);
        }

        return null;
    }

    private static Finding Create(DiagnosticDescriptor descriptor, IOperation operation, string name, string? replacement = null, string kind = ReplaceNode)
    {
        var properties = replacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement).Add(ReplaceKindProperty, kind);
        return new Finding(descriptor, operation.Syntax.GetLocation(), name, properties);
    }

    /// <summary>A lock is reported on <c>lock (x)</c>, not on its whole body.</summary>
    private static Location LockLocation(ILockOperation operation) =>
        operation.Syntax is LockStatementSyntax statement
            ? Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.LockKeyword.SpanStart, statement.CloseParenToken.Span.End))
            : operation.Syntax.GetLocation();

    private static bool IsTaskLike(INamedTypeSymbol type, KnownTypes types) =>
        Is(type.OriginalDefinition, types.Task) || Is(type.OriginalDefinition, types.TaskOfT) || Is(type.OriginalDefinition, types.ValueTask) || Is(type.OriginalDefinition, types.ValueTaskOfT);

    /// <summary>The awaiters of Task, ValueTask and their ConfigureAwait forms; calling GetResult on one blocks until the task completes.</summary>
    private static bool IsTaskAwaiter(INamedTypeSymbol type) =>
        type.OriginalDefinition.Name is "TaskAwaiter" or "ValueTaskAwaiter" or "ConfiguredTaskAwaiter" or "ConfiguredValueTaskAwaiter"
        && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices";

    /// <summary>Whether a TryEnter overload takes a timeout (and so can wait) rather than returning at once.</summary>
    private static bool HasTimeout(IMethodSymbol method, KnownTypes types) =>
        method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Int32 || Is(p.Type, types.TimeSpan));

    /// <summary>One trap found in one member: what to report and where, and the mechanical fix when it has one.</summary>
    private sealed record Finding(DiagnosticDescriptor Descriptor, Location Location, string Name, ImmutableDictionary<string, string?> Properties);
}
