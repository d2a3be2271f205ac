using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Swf.Generators.Diagnostics;

namespace Swf.Generators.Analyzers;

/// <summary>
/// Reports code that would make a replay take other decisions than the first run did: the clock,
/// timers, randomness, threads, blocking waits, I/O and mutable static state. It checks every member
/// of a <c>[Workflow]</c> class (and of a workflow interceptor, which runs on the same scheduler), and follows their calls into the methods, constructors and property
/// accessors of the same compilation (see <see cref="MaxHelperDepth"/>), where a trap is reported at
/// its own line with the workflow member it is reached from. The lambda or method group passed to
/// <c>Workflow.SideEffect</c>, and what only it calls, is exempt: that is where such code belongs.
/// Each message names the deterministic alternative; <see cref="ReplacementProperty"/> carries the
/// mechanical fix where there is one.
/// </summary>
/// <remarks>
/// Code in workflow classes is reported when its class has been analyzed (a symbol-end action), so
/// it shows while editing. Helpers are reported at the end of the compilation, once every method
/// body has been summarized exactly once (its traps and the members it calls): following a call is
/// then a dictionary look-up, never a second walk of the helper's body.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class DeterminismAnalyzer : DiagnosticAnalyzer
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

    /// <summary>
    /// How many calls deep workflow code is followed into helpers: a helper that a workflow member calls is
    /// at depth 1, a helper it calls at depth 2, and helpers deeper than this are not examined.
    /// </summary>
    public const int MaxHelperDepth = 5;

    /// <summary>The most helper members examined per compilation, a bound on the work whatever the call graph's shape.</summary>
    public const int MaxHelperMembers = 10_000;

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
        DiagnosticDescriptors.CancelAsync,
        DiagnosticDescriptors.BlockingTaskWait,
        DiagnosticDescriptors.BlockingSynchronization,
        DiagnosticDescriptors.ConfigureAwaitOptionsUse);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            if (types.WorkflowAttribute is null)
            {
                return;
            }

            var helpers = new HelperGraph(types);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (IsWorkflowCode(type, types))
                    {
                        var members = new WorkflowMembers(type);
                        symbolStart.RegisterOperationBlockStartAction(block =>
                        {
                            if (Owns(type, block.OwningSymbol))
                            {
                                Collect(block, types, members.For(block.OwningSymbol));
                            }
                        });
                        symbolStart.RegisterSymbolEndAction(end => members.Report(end, helpers));
                    }
                    else
                    {
                        symbolStart.RegisterOperationBlockStartAction(block =>
                        {
                            if (Owns(type, block.OwningSymbol))
                            {
                                Collect(block, types, helpers.For(block.OwningSymbol));
                            }
                        });
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(helpers.Report);
        });
    }

    /// <summary>Summarizes one member's body: the traps outside <c>Workflow.SideEffect</c> and every member it refers to.</summary>
    private static void Collect(OperationBlockStartAnalysisContext block, KnownTypes types, MemberFacts facts) =>
        block.RegisterOperationAction(
            ctx =>
            {
                var operation = ctx.Operation;
                var exempt = InSideEffect(operation, types);
                AddReferences(operation, types, facts, exempt);
                if (!exempt && Find(operation, types) is { } finding)
                {
                    facts.Add(finding);
                }
            },
            AnalyzedKinds);

    /// <summary>Whether the operation sits in an argument of <c>Workflow.SideEffect</c> (its lambda, or a method group).</summary>
    private static bool InSideEffect(IOperation operation, KnownTypes types)
    {
        for (var node = operation; node.Parent is { } parent; node = parent)
        {
            if (parent is IArgumentOperation && parent.Parent is IInvocationOperation { TargetMethod: { Name: "SideEffect" } method } && Is(method.ContainingType, types.Workflow))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records the members of this compilation that an operation calls: methods, constructors, accessors and method groups.</summary>
    private static void AddReferences(IOperation operation, KnownTypes types, MemberFacts facts, bool exempt)
    {
        void Add(IMethodSymbol? method)
        {
            if (method is not null && method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction)
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, types.Assembly))
            {
                facts.Add(Normalize(method), operation.Syntax.GetLocation(), exempt);
            }
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                Add(invocation.TargetMethod);
                break;
            case IObjectCreationOperation creation:
                Add(creation.Constructor);
                break;
            case IMethodReferenceOperation reference:
                Add(reference.Method);
                break;
            case IPropertyReferenceOperation property:
                var parent = operation.Parent;
                var assigned = parent is IAssignmentOperation assignment && assignment.Target == operation;
                var compound = assigned && parent is not ISimpleAssignmentOperation;
                if (!assigned || compound || parent is IIncrementOrDecrementOperation)
                {
                    Add(property.Property.GetMethod);
                }

                if (assigned || parent is IIncrementOrDecrementOperation)
                {
                    Add(property.Property.SetMethod);
                }

                break;
        }
    }

    /// <summary>Whether a member block belongs to this type itself (nested types are analyzed as their own symbols).</summary>
    private static bool Owns(INamedTypeSymbol type, ISymbol owningSymbol) =>
        SymbolEqualityComparer.Default.Equals(owningSymbol.ContainingType, type);

    private static bool IsWorkflowCode(ISymbol symbol, KnownTypes types)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (HasAttribute(type, types.WorkflowAttribute) || IsWorkflowInterceptor(type, types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the type derives from a workflow interceptor base: its code runs on the workflow scheduler, replay included.</summary>
    private static bool IsWorkflowInterceptor(INamedTypeSymbol type, KnownTypes types)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, types.WorkflowInboundInterceptor)
                || SymbolEqualityComparer.Default.Equals(baseType, types.WorkflowOutboundInterceptor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
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
}
