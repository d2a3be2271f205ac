using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Swf.Generators.Diagnostics;

namespace Swf.Generators.Analyzers;

/// <summary>
/// Reports code in <c>[Workflow]</c> classes that would make a replay take other decisions than the
/// first run did: the clock, timers, randomness, threads, I/O and mutable static state. Each message
/// names the deterministic alternative; <see cref="ReplacementProperty"/> carries the mechanical fix
/// where there is one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeterminismAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the replacement text of a mechanical fix.</summary>
    public const string ReplacementProperty = "Replacement";

    /// <summary>The diagnostic property saying what the replacement replaces: <see cref="ReplaceNode"/>, <see cref="ReplaceTarget"/> or <see cref="ReplaceWithReceiver"/>.</summary>
    public const string ReplaceKindProperty = "ReplaceKind";

    /// <summary>Replace the reported expression.</summary>
    public const string ReplaceNode = "Node";

    /// <summary>Replace the invoked method of the reported invocation, keeping its arguments.</summary>
    public const string ReplaceTarget = "Target";

    /// <summary>Replace the reported invocation with its receiver (drops <c>.ConfigureAwait(false)</c>).</summary>
    public const string ReplaceWithReceiver = "Receiver";

    private const string WorkflowFacade = "global::Swf.Workflows.Workflow";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClockAccess,
        DiagnosticDescriptors.StopwatchUse,
        DiagnosticDescriptors.NewGuid,
        DiagnosticDescriptors.RandomUse,
        DiagnosticDescriptors.ThreadPoolWork,
        DiagnosticDescriptors.Sleep,
        DiagnosticDescriptors.ConfigureAwaitFalse,
        DiagnosticDescriptors.ParallelUse,
        DiagnosticDescriptors.TimerUse,
        DiagnosticDescriptors.HttpUse,
        DiagnosticDescriptors.FileUse,
        DiagnosticDescriptors.ConsoleUse,
        DiagnosticDescriptors.EnvironmentUse,
        DiagnosticDescriptors.MutableStaticState,
        DiagnosticDescriptors.CancelAsync);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var workflowAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.WorkflowAttribute);
            if (workflowAttribute is null)
            {
                return;
            }

            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationAction(
                ctx =>
                {
                    if (!InWorkflow(ctx.ContainingSymbol, workflowAttribute))
                    {
                        return;
                    }

                    switch (ctx.Operation)
                    {
                        case IPropertyReferenceOperation p:
                            AnalyzeProperty(ctx, p, types);
                            break;
                        case IInvocationOperation i:
                            AnalyzeInvocation(ctx, i, types);
                            break;
                        case IObjectCreationOperation o:
                            AnalyzeCreation(ctx, o, types);
                            break;
                        case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: false, IsConst: false } field } f
                            when field.ContainingType?.TypeKind != TypeKind.Enum:
                            Report(ctx, DiagnosticDescriptors.MutableStaticState, f, field.ContainingType?.Name + "." + field.Name);
                            break;
                    }
                },
                OperationKind.PropertyReference,
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.FieldReference);
        });
    }

    private static void AnalyzeProperty(OperationAnalysisContext ctx, IPropertyReferenceOperation operation, KnownTypes types)
    {
        var property = operation.Property;
        var type = property.ContainingType;
        var name = $"{type.Name}.{property.Name}";
        if (Is(type, types.DateTime) && property.Name is "Now" or "UtcNow" or "Today")
        {
            Report(ctx, DiagnosticDescriptors.ClockAccess, operation, name, property.Name == "UtcNow" ? WorkflowFacade + ".UtcNow" : null);
        }
        else if (Is(type, types.DateTimeOffset) && property.Name is "Now" or "UtcNow")
        {
            Report(ctx, DiagnosticDescriptors.ClockAccess, operation, name, property.Name == "UtcNow" ? $"new global::System.DateTimeOffset({WorkflowFacade}.UtcNow)" : null);
        }
        else if (Is(type, types.TimeProvider) && property.Name == "System")
        {
            Report(ctx, DiagnosticDescriptors.ClockAccess, operation, name);
        }
        else if (Is(type, types.Random) && property.IsStatic)
        {
            Report(ctx, DiagnosticDescriptors.RandomUse, operation, name, WorkflowFacade + ".Random");
        }
        else if (Is(type, types.Environment))
        {
            Report(ctx, DiagnosticDescriptors.EnvironmentUse, operation, name);
        }
        else if (Is(type, types.Console))
        {
            Report(ctx, DiagnosticDescriptors.ConsoleUse, operation, name);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext ctx, IInvocationOperation operation, KnownTypes types)
    {
        var method = operation.TargetMethod;
        var type = method.ContainingType;
        var name = $"{type.Name}.{method.Name}";
        if (Is(type, types.Guid) && method.Name == "NewGuid")
        {
            Report(ctx, DiagnosticDescriptors.NewGuid, operation, name, WorkflowFacade + ".NewGuid()");
        }
        else if (Is(type, types.Stopwatch) && method.IsStatic)
        {
            Report(ctx, DiagnosticDescriptors.StopwatchUse, operation, name);
        }
        else if ((Is(type, types.Task) && method.Name == "Run") || (Is(type, types.TaskFactory) && method.Name == "StartNew") || Is(type, types.ThreadPool))
        {
            Report(ctx, DiagnosticDescriptors.ThreadPoolWork, operation, name);
        }
        else if (Is(type, types.CancellationTokenSource) && method.Name == "CancelAsync")
        {
            Report(ctx, DiagnosticDescriptors.CancelAsync, operation, name);
        }
        else if (Is(type, types.Task) && method.Name == "Delay")
        {
            var fixable = method.Parameters.Length > 0 && Is(method.Parameters[0].Type, types.TimeSpan)
                && method.Parameters.Skip(1).All(p => p.Type.Name == "CancellationToken");
            Report(ctx, DiagnosticDescriptors.Sleep, operation, name, fixable ? WorkflowFacade + ".DelayAsync" : null, ReplaceTarget);
        }
        else if (Is(type, types.Thread) && method.Name is "Sleep" or "SpinWait" or "Yield")
        {
            Report(ctx, DiagnosticDescriptors.Sleep, operation, name);
        }
        else if (method.Name == "ConfigureAwait" && operation.Arguments.Length == 1
            && operation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: false }
            && (Is(type.OriginalDefinition, types.Task) || Is(type.OriginalDefinition, types.TaskOfT) || Is(type.OriginalDefinition, types.ValueTask) || Is(type.OriginalDefinition, types.ValueTaskOfT)))
        {
            Report(ctx, DiagnosticDescriptors.ConfigureAwaitFalse, operation, name, string.Empty, ReplaceWithReceiver);
        }
        else if (Is(type, types.Parallel))
        {
            Report(ctx, DiagnosticDescriptors.ParallelUse, operation, name);
        }
        else if (InheritsFrom(type, types.HttpClient))
        {
            Report(ctx, DiagnosticDescriptors.HttpUse, operation, name);
        }
        else if (types.FileTypes.Any(t => Is(type, t)) && method.IsStatic)
        {
            Report(ctx, DiagnosticDescriptors.FileUse, operation, name);
        }
        else if (Is(type, types.Console))
        {
            Report(ctx, DiagnosticDescriptors.ConsoleUse, operation, name);
        }
        else if (Is(type, types.Environment))
        {
            Report(ctx, DiagnosticDescriptors.EnvironmentUse, operation, name);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext ctx, IObjectCreationOperation operation, KnownTypes types)
    {
        var type = operation.Type as INamedTypeSymbol;
        if (type is null)
        {
            return;
        }

        var name = "new " + type.Name;
        if (InheritsFrom(type, types.Random))
        {
            Report(ctx, DiagnosticDescriptors.RandomUse, operation, name, operation.Arguments.Length == 0 ? WorkflowFacade + ".Random" : null);
        }
        else if (Is(type, types.Stopwatch))
        {
            Report(ctx, DiagnosticDescriptors.StopwatchUse, operation, name);
        }
        else if (Is(type, types.Thread))
        {
            Report(ctx, DiagnosticDescriptors.ThreadPoolWork, operation, name);
        }
        else if (types.TimerTypes.Any(t => Is(type, t)))
        {
            Report(ctx, DiagnosticDescriptors.TimerUse, operation, name);
        }
        else if (InheritsFrom(type, types.HttpClient))
        {
            Report(ctx, DiagnosticDescriptors.HttpUse, operation, name);
        }
        else if (types.FileTypes.Any(t => Is(type, t)) || types.StreamTypes.Any(t => Is(type, t)))
        {
            Report(ctx, DiagnosticDescriptors.FileUse, operation, name);
        }
    }

    private static void Report(OperationAnalysisContext ctx, DiagnosticDescriptor descriptor, IOperation operation, string name, string? replacement = null, string kind = ReplaceNode)
    {
        var properties = replacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement).Add(ReplaceKindProperty, kind);
        ctx.ReportDiagnostic(Diagnostic.Create(descriptor, operation.Syntax.GetLocation(), properties, name));
    }

    private static bool InWorkflow(ISymbol symbol, INamedTypeSymbol workflowAttribute)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, workflowAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Is(t, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The framework types the rules look for, resolved once per compilation (null when absent).</summary>
    private sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);
            DateTime = Get("System.DateTime");
            DateTimeOffset = Get("System.DateTimeOffset");
            TimeProvider = Get("System.TimeProvider");
            TimeSpan = Get("System.TimeSpan");
            Guid = Get("System.Guid");
            Random = Get("System.Random");
            Environment = Get("System.Environment");
            Console = Get("System.Console");
            Stopwatch = Get("System.Diagnostics.Stopwatch");
            Task = Get("System.Threading.Tasks.Task");
            TaskOfT = Get("System.Threading.Tasks.Task`1");
            ValueTask = Get("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
            TaskFactory = Get("System.Threading.Tasks.TaskFactory");
            Parallel = Get("System.Threading.Tasks.Parallel");
            Thread = Get("System.Threading.Thread");
            ThreadPool = Get("System.Threading.ThreadPool");
            CancellationTokenSource = Get("System.Threading.CancellationTokenSource");
            HttpClient = Get("System.Net.Http.HttpClient");
            TimerTypes = new[] { Get("System.Threading.Timer"), Get("System.Timers.Timer"), Get("System.Threading.PeriodicTimer") }.Where(t => t is not null).ToList()!;
            FileTypes = new[] { Get("System.IO.File"), Get("System.IO.Directory"), Get("System.IO.FileInfo"), Get("System.IO.DirectoryInfo") }.Where(t => t is not null).ToList()!;
            StreamTypes = new[] { Get("System.IO.FileStream"), Get("System.IO.StreamReader"), Get("System.IO.StreamWriter") }.Where(t => t is not null).ToList()!;
        }

        public INamedTypeSymbol? DateTime { get; }

        public INamedTypeSymbol? DateTimeOffset { get; }

        public INamedTypeSymbol? TimeProvider { get; }

        public INamedTypeSymbol? TimeSpan { get; }

        public INamedTypeSymbol? Guid { get; }

        public INamedTypeSymbol? Random { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? Stopwatch { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol? TaskFactory { get; }

        public INamedTypeSymbol? Parallel { get; }

        public INamedTypeSymbol? Thread { get; }

        public INamedTypeSymbol? ThreadPool { get; }

        public INamedTypeSymbol? CancellationTokenSource { get; }

        public INamedTypeSymbol? HttpClient { get; }

        public List<INamedTypeSymbol> TimerTypes { get; }

        public List<INamedTypeSymbol> FileTypes { get; }

        public List<INamedTypeSymbol> StreamTypes { get; }
    }
}
