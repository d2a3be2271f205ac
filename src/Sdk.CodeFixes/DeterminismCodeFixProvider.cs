using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Swf.Generators.Analyzers;

namespace Swf.CodeFixes;

/// <summary>
/// Applies the mechanical fixes the determinism analyzer attaches to its diagnostics:
/// <c>DateTime.UtcNow</c> to <c>Workflow.UtcNow</c>, <c>Guid.NewGuid()</c> to <c>Workflow.NewGuid()</c>,
/// <c>new Random()</c> to <c>Workflow.Random</c>, <c>Task.Delay</c> to <c>Workflow.DelayAsync</c>, and
/// dropping <c>.ConfigureAwait(false)</c> and <c>.ConfigureAwait(ConfigureAwaitOptions.None)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeterminismCodeFixProvider))]
[Shared]
public sealed class DeterminismCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SWF2001", "SWF2003", "SWF2004", "SWF2006", "SWF2007", "SWF2018");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DeterminismAnalyzer.ReplacementProperty, out var replacement) || replacement is null
                || !diagnostic.Properties.TryGetValue(DeterminismAnalyzer.ReplaceKindProperty, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var title = kind == DeterminismAnalyzer.ReplaceWithReceiver
                ? (diagnostic.Id == "SWF2007" ? "Remove ConfigureAwait(false)" : "Remove ConfigureAwait(ConfigureAwaitOptions.None)")
                : "Use " + replacement.Replace("global::Swf.Workflows.", string.Empty).Replace("global::System.", string.Empty);
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, root, node, replacement, kind, ct), equivalenceKey: diagnostic.Id + kind),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode root, SyntaxNode node, string replacement, string? kind, CancellationToken cancellationToken)
    {
        SyntaxNode? updated = kind switch
        {
            DeterminismAnalyzer.ReplaceTarget when node is InvocationExpressionSyntax invocation =>
                invocation.WithExpression(Parse(replacement).WithTriviaFrom(invocation.Expression)),
            DeterminismAnalyzer.ReplaceWithReceiver when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation =>
                access.Expression.WithTriviaFrom(invocation),
            DeterminismAnalyzer.ReplaceNode when node is ExpressionSyntax expression =>
                Parse(replacement).WithTriviaFrom(expression),
            _ => null,
        };
        if (updated is null)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(node, updated));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a fully qualified replacement and marks every part of it for simplification (so <c>global::Swf.Workflows.Workflow</c> becomes <c>Workflow</c> under <c>using Swf.Workflows;</c>).</summary>
    private static ExpressionSyntax Parse(string text)
    {
        var parsed = SyntaxFactory.ParseExpression(text);
        return parsed
            .ReplaceNodes(parsed.DescendantNodes(), static (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
