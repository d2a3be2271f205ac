using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Swf.Generators.Analyzers;

/// <content>Following workflow code into helpers: member summaries, the SideEffect exemption and the traversal.</content>
public sealed partial class DeterminismAnalyzer
{
    /// <summary>Keys members by their definition: the unconstructed, unreduced method, and a partial method's declaring part.</summary>
    private static ISymbol Normalize(ISymbol symbol) => symbol is IMethodSymbol method ? Normalize(method) : symbol.OriginalDefinition;

    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return method.PartialDefinitionPart ?? method;
    }

    /// <summary>Names a member as messages show it: <c>Type.Method</c>, <c>Type.Property</c>, <c>new Type</c>.</summary>
    private static string Describe(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } method => "new " + method.ContainingType.Name,
        IMethodSymbol { MethodKind: MethodKind.StaticConstructor } method => "static " + method.ContainingType.Name,
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.ContainingType.Name + "." + (property.IsIndexer ? "this[]" : property.Name),
        _ => member.ContainingType?.Name + "." + member.Name,
    };

    /// <summary>Source order (file, then position): makes the traversal, and so the member each message names, deterministic.</summary>
    private static (string Path, int Start) Order(ISymbol member) =>
        member.Locations.FirstOrDefault(l => l.IsInSource) is { } location ? (location.SourceTree!.FilePath, location.SourceSpan.Start) : (string.Empty, 0);

    private static (string Path, int Start) Order(Location location) =>
        location.IsInSource ? (location.SourceTree!.FilePath, location.SourceSpan.Start) : (string.Empty, 0);

    private static readonly IComparer<(string Path, int Start)> SourceOrder = Comparer<(string Path, int Start)>.Create(
        static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Start.CompareTo(b.Start);
        });

    /// <summary>A call (or method group, or accessor use) from one member to another of the compilation.</summary>
    private readonly struct Reference
    {
        public Reference(IMethodSymbol target, Location location)
        {
            Target = target;
            Location = location;
        }

        public IMethodSymbol Target { get; }

        public Location Location { get; }
    }

    /// <summary>What one member's body holds: its traps and the members it refers to, inside and outside SideEffect.</summary>
    private sealed class MemberFacts
    {
        private readonly object _gate = new();
        private readonly List<Finding> _findings = new();
        private readonly List<Reference> _calls = new();
        private readonly List<Reference> _sideEffectCalls = new();

        public MemberFacts(ISymbol member)
        {
            Member = member;
        }

        public ISymbol Member { get; }

        public void Add(Finding finding)
        {
            lock (_gate)
            {
                _findings.Add(finding);
            }
        }

        public void Add(IMethodSymbol target, Location location, bool inSideEffect)
        {
            lock (_gate)
            {
                (inSideEffect ? _sideEffectCalls : _calls).Add(new Reference(target, location));
            }
        }

        /// <summary>Gets the traps in source order (read once analysis of the member is complete).</summary>
        public IEnumerable<Finding> Findings
        {
            get
            {
                lock (_gate)
                {
                    return _findings.OrderBy(f => Order(f.Location), SourceOrder).ThenBy(f => f.Descriptor.Id, System.StringComparer.Ordinal).ToList();
                }
            }
        }

        /// <summary>Gets the members called outside SideEffect, in source order.</summary>
        public IReadOnlyList<Reference> Calls
        {
            get
            {
                lock (_gate)
                {
                    return _calls.OrderBy(c => Order(c.Location), SourceOrder).ToList();
                }
            }
        }

        /// <summary>Gets the members referred to inside a SideEffect argument.</summary>
        public IReadOnlyList<Reference> SideEffectCalls
        {
            get
            {
                lock (_gate)
                {
                    return _sideEffectCalls.ToList();
                }
            }
        }
    }

    /// <summary>The members of one workflow class: reported when the class is done, less those only SideEffect reaches.</summary>
    private sealed class WorkflowMembers
    {
        private readonly INamedTypeSymbol _type;
        private readonly ConcurrentDictionary<ISymbol, MemberFacts> _members = new(SymbolEqualityComparer.Default);

        public WorkflowMembers(INamedTypeSymbol type)
        {
            _type = type;
        }

        public MemberFacts For(ISymbol owningSymbol) => _members.GetOrAdd(Normalize(owningSymbol), static member => new MemberFacts(member));

        public void Report(SymbolAnalysisContext end, HelperGraph helpers)
        {
            var exempt = ReachedOnlyFromSideEffect();
            foreach (var facts in _members.Values.OrderBy(f => Order(f.Member), SourceOrder))
            {
                if (exempt.Contains(facts.Member))
                {
                    continue;
                }

                foreach (var finding in facts.Findings)
                {
                    end.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, finding.Location, finding.Properties, finding.Name, string.Empty));
                }

                helpers.AddRoot(facts);
            }
        }

        /// <summary>
        /// The class's private methods and accessors that run only inside <c>Workflow.SideEffect</c>: referred to
        /// from a SideEffect argument (directly or through each other) and not reachable from any other member. A
        /// member that is not private, has attributes, is a constructor or initializer, or is referred to nowhere
        /// counts as reachable, so it is checked as before.
        /// </summary>
        private HashSet<ISymbol> ReachedOnlyFromSideEffect()
        {
            var referenced = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var facts in _members.Values)
            {
                referenced.UnionWith(facts.Calls.Concat(facts.SideEffectCalls).Select(c => (ISymbol)c.Target).Where(OwnMember));
            }

            var live = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>(_members.Keys.Where(m => IsEntry(m, referenced)));
            while (pending.Count > 0)
            {
                var member = pending.Pop();
                if (!live.Add(member) || !_members.TryGetValue(member, out var facts))
                {
                    continue;
                }

                foreach (var call in facts.Calls.Where(c => OwnMember(c.Target)))
                {
                    pending.Push(call.Target);
                }
            }

            var exempt = new HashSet<ISymbol>(_members.Keys, SymbolEqualityComparer.Default);
            exempt.ExceptWith(live);
            return exempt;
        }

        private bool OwnMember(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingType, _type);

        private static bool IsEntry(ISymbol member, HashSet<ISymbol> referenced) =>
            member is not IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet } method
            || !method.GetAttributes().IsEmpty
            || !referenced.Contains(member);
    }

    /// <summary>
    /// The summaries of every member outside workflow classes, and the workflow members that call into them;
    /// at the end of the compilation it walks from those roots, breadth first, and reports what it finds.
    /// </summary>
    private sealed class HelperGraph
    {
        private readonly KnownTypes _types;
        private readonly ConcurrentDictionary<ISymbol, MemberFacts> _members = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, byte>> _initializers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<MemberFacts> _roots = new();

        public HelperGraph(KnownTypes types)
        {
            _types = types;
        }

        public MemberFacts For(ISymbol owningSymbol)
        {
            var member = Normalize(owningSymbol);
            // Instance field and property initializers run in every constructor, so a constructor leads to them.
            if (member is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
            {
                _initializers.GetOrAdd(member.ContainingType, static _ => new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default)).TryAdd(member, 0);
            }

            return _members.GetOrAdd(member, static m => new MemberFacts(m));
        }

        public void AddRoot(MemberFacts workflowMember) => _roots.Add(workflowMember);

        /// <summary>
        /// Walks breadth first from every workflow member at once (in source order), visiting each helper once:
        /// a helper is attributed to the first workflow member that reaches it in the fewest calls, and each trap
        /// is reported once, however many workflow members reach it.
        /// </summary>
        public void Report(CompilationAnalysisContext end)
        {
            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<(ISymbol Member, int Depth, string Root)>();
            void Enqueue(IMethodSymbol target, int depth, string root)
            {
                if (!Followable(target) || !visited.Add(target))
                {
                    return;
                }

                queue.Enqueue((target, depth, root));
                if (target.MethodKind == MethodKind.Constructor && _initializers.TryGetValue(target.ContainingType, out var initializers))
                {
                    foreach (var initializer in initializers.Keys.OrderBy(Order, SourceOrder))
                    {
                        if (visited.Add(initializer))
                        {
                            queue.Enqueue((initializer, depth, root));
                        }
                    }
                }
            }

            foreach (var root in _roots.OrderBy(r => Order(r.Member), SourceOrder))
            {
                var name = Describe(root.Member);
                foreach (var call in root.Calls)
                {
                    Enqueue(call.Target, 1, name);
                }
            }

            var reported = new HashSet<(string Id, Location Location)>();
            for (var examined = 0; queue.Count > 0 && examined < MaxHelperMembers; examined++)
            {
                end.CancellationToken.ThrowIfCancellationRequested();
                var (member, depth, root) = queue.Dequeue();
                if (!_members.TryGetValue(member, out var facts))
                {
                    continue;
                }

                var where = $" (in {Describe(member)}, reached from {root})";
                foreach (var finding in facts.Findings.Where(f => reported.Add((f.Descriptor.Id, f.Location))))
                {
                    // No code fix here: the helper may also run outside workflows, where the Workflow API throws.
                    end.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, finding.Location, finding.Name, where));
                }

                if (depth < MaxHelperDepth)
                {
                    foreach (var call in facts.Calls)
                    {
                        Enqueue(call.Target, depth + 1, root);
                    }
                }
            }
        }

        /// <summary>Workflow classes are checked on their own; the Workflow API and activities proxies are the deterministic boundary.</summary>
        private bool Followable(IMethodSymbol target) =>
            !target.IsAbstract
            && target.ContainingType is { } type
            && !IsWorkflowCode(type, _types)
            && !Is(type, _types.Workflow)
            && !HasAttribute(type, _types.ActivitiesAttribute);
    }
}
