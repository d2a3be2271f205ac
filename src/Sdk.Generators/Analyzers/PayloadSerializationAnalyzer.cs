using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Swf.Generators.Diagnostics;

namespace Swf.Generators.Analyzers;

/// <summary>
/// Warns when a payload type of a <c>[Workflow]</c> or <c>[Activities]</c> method has no
/// source-generated JSON metadata: it is not reachable from any <c>[JsonSerializable]</c> on a
/// <c>JsonSerializerContext</c> of the compilation (directly, or through properties, elements and
/// type arguments). Such a type fails at run time in a Native AOT worker. Strings and primitives are not
/// reported, because the converter handles them without a context entry. It is an analyzer rather
/// than part of the generator because it needs the whole compilation, which would defeat caching.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadSerializationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PayloadTypeNotSerializable);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var workflow = start.Compilation.GetTypeByMetadataName(KnownNames.WorkflowAttribute);
            var activities = start.Compilation.GetTypeByMetadataName(KnownNames.ActivitiesAttribute);
            var run = start.Compilation.GetTypeByMetadataName(KnownNames.WorkflowRunAttribute);
            var signal = start.Compilation.GetTypeByMetadataName(KnownNames.SignalAttribute);
            var jsonContext = start.Compilation.GetTypeByMetadataName(KnownNames.JsonSerializerContext);
            var serializable = start.Compilation.GetTypeByMetadataName(KnownNames.JsonSerializableAttribute);
            if (workflow is null || activities is null || run is null || signal is null)
            {
                return;
            }

            var payloads = new ConcurrentBag<(ITypeSymbol Type, IMethodSymbol Method, Location Location)>();
            var roots = new ConcurrentBag<ITypeSymbol>();
            start.RegisterSymbolAction(
                ctx =>
                {
                    var type = (INamedTypeSymbol)ctx.Symbol;
                    if (jsonContext is not null && serializable is not null && InheritsFrom(type, jsonContext))
                    {
                        foreach (var attribute in type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, serializable)))
                        {
                            if (attribute.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol root)
                            {
                                roots.Add(root);
                            }
                        }
                    }

                    var isWorkflow = HasAttribute(type, workflow);
                    if (!isWorkflow && !HasAttribute(type, activities))
                    {
                        return;
                    }

                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                    {
                        if (isWorkflow && !HasAttribute(method, run) && !HasAttribute(method, signal))
                        {
                            continue;
                        }

                        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic)
                        {
                            continue;
                        }

                        foreach (var parameter in method.Parameters.Where(p => p.Type.ToDisplayString() != "System.Threading.CancellationToken"))
                        {
                            payloads.Add((parameter.Type, method, parameter.Locations.FirstOrDefault() ?? Location.None));
                        }

                        if (method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
                            && task.ConstructedFrom.ToDisplayString() == "System.Threading.Tasks.Task<TResult>")
                        {
                            payloads.Add((task.TypeArguments[0], method, method.Locations.FirstOrDefault() ?? Location.None));
                        }
                    }
                },
                SymbolKind.NamedType);

            start.RegisterCompilationEndAction(end =>
            {
                var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var root in roots)
                {
                    Cover(root, covered);
                }

                foreach (var (type, method, location) in payloads)
                {
                    var payload = Unwrap(type);
                    if (payload is ITypeParameterSymbol or IErrorTypeSymbol || IsBuiltIn(payload) || covered.Contains(payload))
                    {
                        continue;
                    }

                    var display = payload.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PayloadTypeNotSerializable, location, display, method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }
            });
        });
    }

    /// <summary>Adds a type and everything its JSON metadata reaches: public properties, fields, elements and type arguments.</summary>
    private static void Cover(ITypeSymbol type, HashSet<ITypeSymbol> covered)
    {
        type = Unwrap(type);
        if (!covered.Add(type))
        {
            return;
        }

        if (type is IArrayTypeSymbol array)
        {
            Cover(array.ElementType, covered);
            return;
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                Cover(argument, covered);
            }
        }

        if (type.SpecialType != SpecialType.None || type.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) == true)
        {
            return;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, IsIndexer: false } property)
                {
                    Cover(property.Type, covered);
                }
                else if (member is IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } field)
                {
                    Cover(field.Type, covered);
                }
            }
        }
    }

    /// <summary>
    /// The types JsonPayloadConverter handles without any context entry (its <c>BuiltInPayloadJsonContext</c>):
    /// strings, primitive numbers, bool, char, DateTime, DateTimeOffset, TimeSpan and Guid (nullable forms are
    /// unwrapped before). Keep the two lists the same.
    /// </summary>
    private static bool IsBuiltIn(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime
        || (type.ContainingNamespace?.ToDisplayString() == "System" && type.MetadataName is "DateTimeOffset" or "TimeSpan" or "Guid");

    /// <summary>Strips nullable annotations and <c>Nullable&lt;T&gt;</c>, which share their underlying type's coverage.</summary>
    private static ITypeSymbol Unwrap(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
