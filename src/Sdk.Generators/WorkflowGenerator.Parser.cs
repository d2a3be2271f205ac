using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Swf.Generators.Diagnostics;
using Swf.Generators.Helpers;
using Swf.Generators.Models;

namespace Swf.Generators;

/// <content>Turns attributed symbols into equatable models and diagnostics.</content>
public sealed partial class WorkflowGenerator
{
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat ShortFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

        /// <summary>The attribute property that says the type's defaults are registered some other way.</summary>
        private const string DefaultsRegisteredElsewhere = nameof(DefaultsRegisteredElsewhere);

        /// <summary>What StartWorkflowExecution needs from the start request or the registered type (besides a task list).</summary>
        private static readonly string[] WorkflowDefaults = { "ExecutionStartToCloseTimeout", "TaskStartToCloseTimeout", "ChildPolicy" };

        /// <summary>What ScheduleActivityTask needs from the decision or the registered type (besides a task list): each of the three.</summary>
        private static readonly string[] ActivityDefaults = { "ScheduleToStartTimeout", "ScheduleToCloseTimeout", "StartToCloseTimeout" };

        public static ParseResult<WorkflowModel> ParseWorkflow(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var syntax = (TypeDeclarationSyntax)context.TargetNode;
            var attribute = context.Attributes[0];
            var diagnostics = new List<DiagnosticInfo>();
            var location = syntax.Identifier.GetLocation();
            var display = type.ToDisplayString(ShortFormat);

            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WorkflowNotPartial, location, display));
            }

            var hierarchy = ParseHierarchy(type, syntax, location, diagnostics);
            var isPublic = CheckAccessibility(type, location, diagnostics);
            if (type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, location, display));
            }

            if (type.IsAbstract || type.IsStatic || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoParameterlessConstructor, location, display));
            }

            var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
            var version = GetString(attribute, "Version") ?? "1";
            CheckName(name, "workflow type name", location, diagnostics);
            CheckVersion(version, display, location, diagnostics);
            var taskList = GetString(attribute, "TaskList");
            CheckTaskList(taskList, display, location, diagnostics);
            var executionTimeout = GetSeconds(attribute, "ExecutionStartToCloseTimeout", display, location, diagnostics);
            var taskTimeout = GetSeconds(attribute, "TaskStartToCloseTimeout", display, location, diagnostics);
            var childPolicy = GetString(attribute, "ChildPolicy");
            if (childPolicy is not null && childPolicy is not ("TERMINATE" or "REQUEST_CANCEL" or "ABANDON"))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidChildPolicy, location, childPolicy, display));
            }

            if (GetBool(attribute, DefaultsRegisteredElsewhere) != true)
            {
                CheckDefaults("The workflow type", name, location, diagnostics, WorkflowDefaults.Where(p => GetString(attribute, p) is null));
            }

            MethodModel? run = null;
            var runs = 0;
            var signals = new List<SignalModel>();
            var queries = ParseQueries(type, location, diagnostics, cancellationToken);
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var methodLocation = method.Locations.FirstOrDefault();
                var methodDisplay = method.ToDisplayString(ShortFormat);
                var isRun = HasAttribute(method, KnownNames.WorkflowRunAttribute);
                var signal = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.SignalAttribute);
                if (!isRun && signal is null)
                {
                    continue;
                }

                if (method.IsStatic || method.IsGenericMethod)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InstanceMethodRequired, methodLocation, methodDisplay));
                    continue;
                }

                if (isRun)
                {
                    runs++;
                    var resultType = GetTaskResult(method, out var isTask);
                    if (!isTask)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WorkflowRunReturnType, methodLocation, methodDisplay, method.ReturnType.ToDisplayString(ShortFormat)));
                    }

                    run = ParseMethod(method, resultType, diagnostics);
                }

                if (signal is not null)
                {
                    var resultType = GetTaskResult(method, out var isTask);
                    if (!isTask || resultType is not null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SignalReturnsValue, methodLocation, methodDisplay, method.ReturnType.ToDisplayString(ShortFormat)));
                    }

                    var signalName = signal.ConstructorArguments.FirstOrDefault().Value as string ?? SwfNames.WithoutAsync(method.Name);
                    CheckName(signalName, "signal name", methodLocation, diagnostics);
                    if (signals.Any(s => s.SignalName == signalName || s.Method.Name == method.Name))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSignal, methodLocation, display, signalName));
                    }

                    signals.Add(new SignalModel(signalName, ParseMethod(method, null, diagnostics)));
                }
            }

            if (runs == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingWorkflowRun, location, display));
            }
            else if (runs > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SeveralWorkflowRuns, location, display, runs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var model = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) || run is null
                ? null
                : new WorkflowModel(
                    hierarchy,
                    type.Name,
                    type.ToDisplayString(TypeFormat),
                    isPublic,
                    name,
                    version,
                    taskList,
                    executionTimeout,
                    taskTimeout,
                    childPolicy,
                    GetInt(attribute, "TaskPriority"),
                    GetString(attribute, "Description"),
                    GetString(attribute, "DefaultLambdaRole"),
                    run,
                    signals.OrderBy(s => s.SignalName, System.StringComparer.Ordinal).ToEquatableArray(),
                    queries.OrderBy(q => q.QueryName, System.StringComparer.Ordinal).ToEquatableArray(),
                    LocationInfo.From(location));
            return new ParseResult<WorkflowModel>(model, diagnostics.ToEquatableArray());
        }

        /// <summary>Finds the <c>[Query]</c> properties and methods: instance members that return a serializable value synchronously, without parameters.</summary>
        private static List<QueryModel> ParseQueries(INamedTypeSymbol type, Location location, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var queries = new List<QueryModel>();
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.QueryAttribute);
                if (attribute is null)
                {
                    continue;
                }

                var memberLocation = member.Locations.FirstOrDefault() ?? location;
                var memberDisplay = member.ToDisplayString(ShortFormat);
                ITypeSymbol? valueType;
                bool isMethod;
                string? problem = null;
                switch (member)
                {
                    case IPropertySymbol property:
                        isMethod = false;
                        valueType = property.Type;
                        problem = property.IsStatic ? "must be an instance member"
                            : property.IsIndexer ? "must not be an indexer"
                            : property.GetMethod is null ? "needs a getter"
                            : null;
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        isMethod = true;
                        valueType = method.ReturnType;
                        problem = method.IsStatic || method.IsGenericMethod ? "must be a non-generic instance method"
                            : method.Parameters.Length > 0 ? "must not take parameters (a query reads state; it has no input)"
                            : method.ReturnsVoid ? "must return a value"
                            : null;
                        break;
                    default:
                        continue;
                }

                var constructed = (valueType as INamedTypeSymbol)?.ConstructedFrom.ToDisplayString();
                if (problem is null && constructed is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>")
                {
                    problem = "must return its value synchronously, not a task (it runs after the decision task and cannot wait)";
                }

                if (problem is null && UnsupportedTypeReason(valueType) is { } reason)
                {
                    problem = $"has a value that cannot be a payload: {reason}";
                }

                var methodName = member.Name;
                var defaultName = isMethod && methodName.Length > 3 && methodName.StartsWith("Get", System.StringComparison.Ordinal) && char.IsUpper(methodName[3]) ? methodName.Substring(3) : methodName;
                var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? defaultName;
                if (problem is null && (name.Length == 0 || name[0] == '$'))
                {
                    problem = $"has the name '{name}'; a query name must not be empty or start with '$' (the context keeps '$asOf' for itself)";
                }

                if (problem is null && queries.Any(q => q.QueryName == name))
                {
                    problem = $"has the name '{name}', which another query of '{type.ToDisplayString(ShortFormat)}' already has";
                }

                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidQuery, memberLocation, memberDisplay, problem));
                    continue;
                }

                var escaped = SyntaxFacts.GetKeywordKind(member.Name) != SyntaxKind.None ? "@" + member.Name : member.Name;
                queries.Add(new QueryModel(name, escaped, isMethod, valueType.ToDisplayString(TypeFormat)));
            }

            return queries;
        }

        public static ParseResult<ActivitiesModel> ParseActivities(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var syntax = (TypeDeclarationSyntax)context.TargetNode;
            var attribute = context.Attributes[0];
            var diagnostics = new List<DiagnosticInfo>();
            var location = syntax.Identifier.GetLocation();
            var display = type.ToDisplayString(ShortFormat);

            var hierarchy = ParseHierarchy(type, syntax, location, diagnostics);
            var isPublic = CheckAccessibility(type, location, diagnostics);
            if (type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, location, display));
            }

            var baseName = SwfNames.WithoutInterfacePrefix(type.Name);
            var prefix = GetString(attribute, "NamePrefix") ?? baseName;
            var version = GetString(attribute, "Version") ?? "1";
            var taskList = GetString(attribute, "TaskList");
            CheckVersion(version, display, location, diagnostics);
            CheckTaskList(taskList, display, location, diagnostics);
            var scheduleToStart = GetSeconds(attribute, "ScheduleToStartTimeout", display, location, diagnostics);
            var scheduleToClose = GetSeconds(attribute, "ScheduleToCloseTimeout", display, location, diagnostics);
            var startToClose = GetSeconds(attribute, "StartToCloseTimeout", display, location, diagnostics);
            var heartbeat = GetSeconds(attribute, "HeartbeatTimeout", display, location, diagnostics);
            var priority = GetInt(attribute, "TaskPriority");

            var activities = new List<ActivityModel>();
            var members = new[] { type }.Concat(type.AllInterfaces).SelectMany(i => i.GetMembers());
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Static members are not activities; accessors are reported through their property or event.
                if (member.IsStatic || member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                {
                    continue;
                }

                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method || !SymbolEqualityComparer.Default.Equals(member.ContainingType, type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActivitiesMemberNotMethod, member.Locations.FirstOrDefault() is { IsInSource: true } l && SymbolEqualityComparer.Default.Equals(member.ContainingType, type) ? l : location, display, member.ToDisplayString(ShortFormat)));
                    continue;
                }

                var methodLocation = method.Locations.FirstOrDefault();
                var methodDisplay = method.ToDisplayString(ShortFormat);
                var resultType = GetTaskResult(method, out var isTask);
                if (!isTask)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActivityReturnType, methodLocation, methodDisplay, method.ReturnType.ToDisplayString(ShortFormat)));
                }

                var activity = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ActivityAttribute);
                var methodName = SwfNames.WithoutAsync(method.Name);
                var name = activity?.ConstructorArguments.FirstOrDefault().Value as string
                    ?? (prefix.Length == 0 ? methodName : prefix + "." + methodName);
                CheckName(name, "activity type name", methodLocation, diagnostics);
                var activityVersion = activity is null ? version : GetString(activity, "Version") ?? version;
                var activityTaskList = activity is null ? taskList : GetString(activity, "TaskList") ?? taskList;
                if (activity is not null)
                {
                    CheckVersion(activityVersion, methodDisplay, methodLocation, diagnostics);
                    CheckTaskList(activityTaskList, methodDisplay, methodLocation, diagnostics);
                }

                long? Seconds(string property, long? fallback) =>
                    activity is null ? fallback : GetSeconds(activity, property, methodDisplay, methodLocation, diagnostics) ?? fallback;

                // The method's [Activity] values and the interface's defaults together make the type's registration.
                if (((activity is null ? null : GetBool(activity, DefaultsRegisteredElsewhere)) ?? GetBool(attribute, DefaultsRegisteredElsewhere)) != true)
                {
                    CheckDefaults("The activity type", name, methodLocation, diagnostics, ActivityDefaults.Where(p => (activity is null ? null : GetString(activity, p)) is null && GetString(attribute, p) is null));
                }

                activities.Add(new ActivityModel(
                    name,
                    activityVersion,
                    activityTaskList,
                    Seconds("ScheduleToStartTimeout", scheduleToStart),
                    Seconds("ScheduleToCloseTimeout", scheduleToClose),
                    Seconds("StartToCloseTimeout", startToClose),
                    Seconds("HeartbeatTimeout", heartbeat),
                    (activity is null ? null : GetInt(activity, "TaskPriority")) ?? priority,
                    activity is null ? null : GetString(activity, "Description"),
                    ParseMethod(method, resultType, diagnostics)));
                if (activities.Count(a => a.TypeName == name && a.Version == activityVersion) > 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateType, methodLocation, "Activity", name, activityVersion, display, methodDisplay));
                }
            }

            var model = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                ? null
                : new ActivitiesModel(hierarchy, type.Name, type.ToDisplayString(TypeFormat), isPublic, baseName, activities.ToEquatableArray(), LocationInfo.From(location));
            return new ParseResult<ActivitiesModel>(model, diagnostics.ToEquatableArray());
        }

        private static HierarchyInfo ParseHierarchy(INamedTypeSymbol type, TypeDeclarationSyntax syntax, Location location, List<DiagnosticInfo> diagnostics)
        {
            var containing = new List<string>();
            var names = new List<string>();
            for (var parent = syntax.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, location, type.ToDisplayString(ShortFormat), parent.Identifier.ValueText));
                }

                var keyword = parent switch
                {
                    RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    _ => parent.Keyword.ValueText,
                };
                containing.Insert(0, $"partial {keyword} {parent.Identifier.ValueText}{parent.TypeParameterList}");
                names.Insert(0, parent.Identifier.ValueText);
            }

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
            var prefix = string.Join(".", new[] { ns }.Where(s => s.Length > 0).Concat(names));
            return new HierarchyInfo(ns, containing.ToEquatableArray()) { HintPrefix = prefix };
        }

        private static bool CheckAccessibility(INamedTypeSymbol type, Location location, List<DiagnosticInfo> diagnostics)
        {
            var isPublic = true;
            for (var t = type; t is not null; t = t.ContainingType)
            {
                switch (t.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                        break;
                    case Accessibility.Internal or Accessibility.ProtectedOrInternal:
                        isPublic = false;
                        break;
                    default:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleType, location, type.ToDisplayString(ShortFormat)));
                        return false;
                }
            }

            return isPublic;
        }

        private static MethodModel ParseMethod(IMethodSymbol method, ITypeSymbol? resultType, List<DiagnosticInfo> diagnostics)
        {
            var methodDisplay = method.ToDisplayString(ShortFormat);
            var parameters = new List<ParameterModel>();
            var tokens = 0;
            foreach (var parameter in method.Parameters)
            {
                var isToken = parameter.Type.ToDisplayString() == "System.Threading.CancellationToken";
                var reason = parameter.RefKind != RefKind.None ? "ref, out and in parameters are not supported"
                    : parameter.IsParams ? "params parameters are not supported"
                    : isToken && ++tokens > 1 ? "a method takes at most one CancellationToken"
                    : isToken ? null
                    : UnsupportedTypeReason(parameter.Type);
                if (reason is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPayloadType, parameter.Locations.FirstOrDefault(), $"Parameter '{parameter.Name}'", methodDisplay, reason));
                }

                var name = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
                parameters.Add(new ParameterModel(name, parameter.Type.ToDisplayString(TypeFormat), isToken));
            }

            if (resultType is not null && UnsupportedTypeReason(resultType) is { } resultReason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPayloadType, method.Locations.FirstOrDefault(), "The result", methodDisplay, resultReason));
            }

            return new MethodModel(method.Name, parameters.ToEquatableArray(), resultType?.ToDisplayString(TypeFormat));
        }

        /// <summary>Returns why a type cannot be serialized as a payload, or null when it can.</summary>
        internal static string? UnsupportedTypeReason(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol => "type parameters are not supported",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers are not supported",
            IDynamicTypeSymbol => "dynamic is not supported",
            { TypeKind: TypeKind.Delegate } => "delegates cannot be serialized",
            { IsRefLikeType: true } => "ref structs cannot be serialized",
            { SpecialType: SpecialType.System_Object } => "object has no serialization contract; use a concrete type",
            INamedTypeSymbol { IsGenericType: true } named when named.TypeArguments.Any(a => a is ITypeParameterSymbol) => "type parameters are not supported",
            INamedTypeSymbol named when named.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.CancellationToken" || named.ConstructedFrom.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" => $"{named.Name} cannot be serialized",
            _ => null,
        };

        private static ITypeSymbol? GetTaskResult(IMethodSymbol method, out bool isTask)
        {
            isTask = false;
            if (method.ReturnType is not INamedTypeSymbol returnType)
            {
                return null;
            }

            var name = returnType.ConstructedFrom.ToDisplayString();
            if (name == "System.Threading.Tasks.Task")
            {
                isTask = true;
                return null;
            }

            if (name == "System.Threading.Tasks.Task<TResult>")
            {
                isTask = true;
                return returnType.TypeArguments[0];
            }

            return null;
        }

        private static bool HasAttribute(ISymbol symbol, string name) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

        private static TypedConstant? GetNamed(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        private static string? GetString(AttributeData attribute, string name) => GetNamed(attribute, name)?.Value as string;

        private static int? GetInt(AttributeData attribute, string name) => GetNamed(attribute, name)?.Value as int?;

        /// <summary>Returns a bool property's value, or null when the attribute does not set it.</summary>
        private static bool? GetBool(AttributeData attribute, string name) => GetNamed(attribute, name)?.Value as bool?;

        /// <summary>Reports the registration defaults SWF requires that a declaration does not set (a warning, not an error: they may come from elsewhere).</summary>
        private static void CheckDefaults(string what, string typeName, Location? location, List<DiagnosticInfo> diagnostics, IEnumerable<string> missing)
        {
            var names = missing.ToList();
            if (names.Count > 0)
            {
                var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingRegistrationDefaults, location, what, typeName, list));
            }
        }

        private static long? GetSeconds(AttributeData attribute, string property, string owner, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var value = GetString(attribute, property);
            if (value is null)
            {
                return null;
            }

            // "300" is SWF's own wire format, but TimeSpan reads a bare number as days.
            if (SwfNames.IsBareNumber(value, out var number))
            {
                var advice = number > 0 && number <= SwfNames.MaxTimeSpanSeconds
                    ? $"for {number} seconds write \"{SwfNames.FormatSeconds(number)}\""
                    : "a timeout is a positive TimeSpan of whole seconds, such as \"00:05:00\"";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TimeoutIsBareNumber, location, property, value, owner, value.Trim().TrimStart('+'), advice));
                return null;
            }

            if (SwfNames.TryParseSeconds(value, out var seconds))
            {
                return seconds;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTimeout, location, property, value, owner));
            return null;
        }

        private static void CheckName(string name, string what, Location? location, List<DiagnosticInfo> diagnostics)
        {
            if (SwfNames.Validate(name, SwfNames.MaxNameLength) is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, location, what, name, reason));
            }
        }

        private static void CheckVersion(string version, string owner, Location? location, List<DiagnosticInfo> diagnostics)
        {
            if (SwfNames.Validate(version, SwfNames.MaxVersionLength) is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVersion, location, version, owner, reason));
            }
        }

        private static void CheckTaskList(string? taskList, string owner, Location? location, List<DiagnosticInfo> diagnostics)
        {
            if (taskList is not null && SwfNames.Validate(taskList, SwfNames.MaxNameLength) is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTaskList, location, taskList, owner, reason));
            }
        }
    }
}
