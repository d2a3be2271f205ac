using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Swf.Generators.Diagnostics;
using Swf.Generators.Helpers;
using Swf.Generators.Models;

namespace Swf.Generators;

/// <content>Turns models into source text.</content>
public sealed partial class WorkflowGenerator
{
    internal static class Emitter
    {
        private const string Task = "global::System.Threading.Tasks.Task";
        private const string CancellationToken = "global::System.Threading.CancellationToken";
        private const string PayloadConverter = "global::Swf.Converters.IPayloadConverter";
        private const string PayloadArray = "global::Swf.Converters.PayloadArray";
        private const string WorkflowFacade = "global::Swf.Workflows.Workflow";

        /// <summary>The attribute put on every generated member.</summary>
        public static readonly string GeneratedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"Swf.Sdk.Generators\", \"{typeof(Emitter).Assembly.GetName().Version}\")]";

        public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }

        public static void EmitWorkflow(SourceProductionContext context, WorkflowModel model)
        {
            context.AddSource($"{model.Hierarchy.HintPrefix}.{model.TypeName}.Workflow.g.cs", SourceText.From(WorkflowSource(model), Encoding.UTF8));
            context.AddSource($"{model.Hierarchy.HintPrefix}.{model.TypeName}.Client.g.cs", SourceText.From(ClientSource(model), Encoding.UTF8));
        }

        public static void EmitActivities(SourceProductionContext context, ActivitiesModel model) =>
            context.AddSource($"{model.Hierarchy.HintPrefix}.{model.InterfaceName}.Activities.g.cs", SourceText.From(ActivitiesSource(model), Encoding.UTF8));

        public static void EmitRegistration(SourceProductionContext context, RegistrationModel model)
        {
            ReportDuplicates(context, model);
            if (model.Workflows.Count == 0 && model.Activities.Count == 0)
            {
                return;
            }

            context.AddSource("Swf.Generated.GeneratedSwfTypes.g.cs", SourceText.From(RegistrationSource(model), Encoding.UTF8));
        }

        internal static string WorkflowSource(WorkflowModel model)
        {
            var w = Open(model.Hierarchy);
            w.OpenBlock($"partial class {model.TypeName}");
            w.WriteLine("/// <summary>");
            w.WriteLine($"/// Gets the definition of the SWF workflow type <c>{SourceWriter.Escape(model.WorkflowTypeName)}</c> version <c>{SourceWriter.Escape(model.Version)}</c>:");
            w.WriteLine("/// its registration defaults, a factory of instances, and how to run it and deliver its signals.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine($"public static global::Swf.Workflows.WorkflowDefinition SwfDefinition {{ get; }} = new global::Swf.Workflows.WorkflowDefinition");
            w.OpenBlock();
            w.WriteLine($"WorkflowType = new global::Swf.Model.WorkflowType {{ Name = {SourceWriter.Literal(model.WorkflowTypeName)}, Version = {SourceWriter.Literal(model.Version)} }},");
            Property(w, "DefaultTaskList", model.TaskList is null ? null : SourceWriter.Literal(model.TaskList));
            Property(w, "DefaultExecutionStartToCloseTimeout", Seconds(model.ExecutionStartToCloseTimeoutSeconds));
            Property(w, "DefaultTaskStartToCloseTimeout", Seconds(model.TaskStartToCloseTimeoutSeconds));
            Property(w, "DefaultChildPolicy", model.ChildPolicy switch
            {
                "TERMINATE" => "global::Swf.Model.ChildPolicy.Terminate",
                "REQUEST_CANCEL" => "global::Swf.Model.ChildPolicy.RequestCancel",
                "ABANDON" => "global::Swf.Model.ChildPolicy.Abandon",
                _ => null,
            });
            Property(w, "DefaultTaskPriority", model.TaskPriority?.ToString(CultureInfo.InvariantCulture));
            Property(w, "Description", model.Description is null ? null : SourceWriter.Literal(model.Description));
            w.WriteLine($"CreateInstance = static () => new {model.FullTypeName}(),");
            w.WriteLine($"Run = static (instance, input) => SwfRunAsync(({model.FullTypeName})instance, input),");
            if (model.Signals.Count > 0)
            {
                w.WriteLine($"Signals = new global::System.Collections.Generic.Dictionary<string, global::System.Func<object, string?, {Task}>>(global::System.StringComparer.Ordinal)");
                w.OpenBlock();
                foreach (var signal in model.Signals)
                {
                    w.WriteLine($"[{SourceWriter.Literal(signal.SignalName)}] = static (instance, input) => SwfSignal{signal.Method.Name}(({model.FullTypeName})instance, input),");
                }

                w.CloseBlock(",");
            }

            w.CloseBlock(";");

            w.WriteLine();
            w.WriteLine(GeneratedCode);
            var run = model.Run;
            w.OpenBlock($"private static async {Task}<string?> SwfRunAsync({model.FullTypeName} workflow, string? input)");
            if (run.ResultType is not null || run.Parameters.Any(p => !p.IsCancellationToken))
            {
                w.WriteLine($"var converter = {WorkflowFacade}.PayloadConverter;");
            }

            var call = $"workflow.{run.Name}({Arguments(w, run, "input", $"{WorkflowFacade}.CancellationToken", "converter")})";
            if (run.ResultType is null)
            {
                w.WriteLine($"await {call};");
                w.WriteLine("return null;");
            }
            else
            {
                w.WriteLine($"var result = await {call};");
                w.WriteLine($"return converter.Serialize<{run.ResultType}>(result);");
            }

            w.CloseBlock();

            foreach (var signal in model.Signals)
            {
                w.WriteLine();
                w.WriteLine(GeneratedCode);
                w.OpenBlock($"private static {Task} SwfSignal{signal.Method.Name}({model.FullTypeName} workflow, string? input)");
                if (signal.Method.Parameters.Any(p => !p.IsCancellationToken))
                {
                    w.WriteLine($"var converter = {WorkflowFacade}.PayloadConverter;");
                }

                w.WriteLine($"return workflow.{signal.Method.Name}({Arguments(w, signal.Method, "input", $"{WorkflowFacade}.CancellationToken", "converter")});");
                w.CloseBlock();
            }

            w.CloseBlock();
            return Close(w, model.Hierarchy);
        }

        internal static string ClientSource(WorkflowModel model)
        {
            var access = model.IsPublic ? "public" : "internal";
            var clientName = model.TypeName + "Client";
            var handleName = model.TypeName + "Handle";
            var typeRef = SourceWriter.Escape(model.TypeName);
            var w = Open(model.Hierarchy);

            w.WriteLine($"/// <summary>Starts and reaches executions of <see cref=\"{typeRef}\"/> (SWF workflow type <c>{SourceWriter.Escape(model.WorkflowTypeName)}</c> version <c>{SourceWriter.Escape(model.Version)}</c>), encoding inputs with the client's payload converter.</summary>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"{access} sealed partial class {clientName}");
            w.WriteLine("private readonly global::Swf.Client.WorkflowClient _client;");
            w.WriteLine();
            w.WriteLine("/// <summary>Initializes the client.</summary>");
            w.WriteLine("/// <param name=\"client\">The untyped client it builds on (its domain and payload converter are used).</param>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"public {clientName}(global::Swf.Client.WorkflowClient client)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.WriteLine("_client = client;");
            w.CloseBlock();

            var payload = model.Run.Parameters.Where(p => !p.IsCancellationToken).ToList();
            var names = new HashSet<string>(payload.Select(p => p.Name));
            var workflowId = Free("workflowId", names);
            var options = Free("options", names);
            var token = Free("cancellationToken", names);
            var converter = Free("converter", names);
            var handle = Free("handle", names);
            w.WriteLine();
            w.WriteLine("/// <summary>Starts an execution.</summary>");
            foreach (var p in payload)
            {
                w.WriteLine($"/// <param name=\"{p.Name.TrimStart('@')}\">The run method's <c>{p.Name.TrimStart('@')}</c> argument.</param>");
            }

            w.WriteLine($"/// <param name=\"{workflowId}\">The workflow id: unique among the domain's open executions.</param>");
            w.WriteLine($"/// <param name=\"{options}\">How to start it; unset values fall back to the type's registered defaults.</param>");
            w.WriteLine($"/// <param name=\"{token}\">Cancels the call.</param>");
            w.WriteLine("/// <returns>A handle to the new run.</returns>");
            w.WriteLine(GeneratedCode);
            var parameters = string.Concat(payload.Select(p => $"{p.Type} {p.Name}, "));
            w.OpenBlock($"public async {Task}<{handleName}> StartAsync({parameters}string {workflowId}, global::Swf.Client.WorkflowStartOptions? {options} = null, {CancellationToken} {token} = default)");
            w.WriteLine($"var {converter} = _client.PayloadConverter;");
            w.WriteLine($"var {handle} = await _client.StartAsync({model.FullTypeName}.SwfDefinition.WorkflowType, {workflowId}, {Encode(payload, converter)}, {options}, {token}).ConfigureAwait(false);");
            w.WriteLine($"return new {handleName}({handle}, {converter});");
            w.CloseBlock();

            w.WriteLine();
            w.WriteLine("/// <summary>Returns a handle to an existing execution.</summary>");
            w.WriteLine("/// <param name=\"workflowId\">The workflow id.</param>");
            w.WriteLine("/// <param name=\"runId\">The run id, or null for the open or latest run.</param>");
            w.WriteLine("/// <returns>The handle.</returns>");
            w.WriteLine(GeneratedCode);
            w.WriteLine($"public {handleName} GetHandle(string workflowId, string? runId = null) => new(_client.GetHandle(workflowId, runId), _client.PayloadConverter);");
            w.CloseBlock();

            w.WriteLine();
            w.WriteLine($"/// <summary>A handle to one execution of <see cref=\"{typeRef}\"/>: typed signals and result, cancel and terminate.</summary>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"{access} sealed partial class {handleName}");
            w.WriteLine($"private readonly {PayloadConverter} _converter;");
            w.WriteLine();
            w.WriteLine("/// <summary>Initializes the handle.</summary>");
            w.WriteLine("/// <param name=\"handle\">The untyped handle.</param>");
            w.WriteLine("/// <param name=\"converter\">Encodes signal inputs and decodes the result.</param>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"public {handleName}(global::Swf.Client.WorkflowHandle handle, {PayloadConverter} converter)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(handle);");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(converter);");
            w.WriteLine("Handle = handle;");
            w.WriteLine("_converter = converter;");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>Gets the untyped handle.</summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine("public global::Swf.Client.WorkflowHandle Handle { get; }");
            w.WriteLine();
            w.WriteLine("/// <summary>Gets the workflow id.</summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine("public string WorkflowId => Handle.WorkflowId;");
            w.WriteLine();
            w.WriteLine("/// <summary>Gets the run id, or null when the handle follows the open or latest run.</summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine("public string? RunId => Handle.RunId;");

            foreach (var signal in model.Signals)
            {
                var signalPayload = signal.Method.Parameters.Where(p => !p.IsCancellationToken).ToList();
                var signalNames = new HashSet<string>(signalPayload.Select(p => p.Name));
                var signalToken = Free("cancellationToken", signalNames);
                w.WriteLine();
                w.WriteLine($"/// <summary>Sends the <c>{SourceWriter.Escape(signal.SignalName)}</c> signal, handled by <see cref=\"{typeRef}.{signal.Method.Name}\"/>.</summary>");
                foreach (var p in signalPayload)
                {
                    w.WriteLine($"/// <param name=\"{p.Name.TrimStart('@')}\">The handler's <c>{p.Name.TrimStart('@')}</c> argument.</param>");
                }

                w.WriteLine($"/// <param name=\"{signalToken}\">Cancels the call.</param>");
                w.WriteLine("/// <returns>A task that completes when SWF recorded the signal.</returns>");
                w.WriteLine(GeneratedCode);
                var signalParameters = string.Concat(signalPayload.Select(p => $"{p.Type} {p.Name}, "));
                w.WriteLine($"public {Task} Signal{SwfNames.WithoutAsync(signal.Method.Name)}Async({signalParameters}{CancellationToken} {signalToken} = default) =>");
                w.Indent();
                w.WriteLine($"Handle.SignalAsync({SourceWriter.Literal(signal.SignalName)}, {Encode(signalPayload, "_converter")}, {signalToken});");
                w.Unindent();
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Waits for the execution to close (following continue-as-new) and returns its result.</summary>");
            w.WriteLine("/// <param name=\"cancellationToken\">Stops waiting.</param>");
            w.WriteLine(model.Run.ResultType is null ? "/// <returns>A task that completes when the execution completed.</returns>" : "/// <returns>The decoded result.</returns>");
            w.WriteLine("/// <exception cref=\"global::Swf.Exceptions.WorkflowExecutionException\">The execution failed, was canceled or terminated, or timed out.</exception>");
            w.WriteLine(GeneratedCode);
            if (model.Run.ResultType is null)
            {
                w.WriteLine($"public {Task} GetResultAsync({CancellationToken} cancellationToken = default) => Handle.GetResultAsync(followRuns: true, cancellationToken);");
            }
            else
            {
                w.OpenBlock($"public async {Task}<{model.Run.ResultType}> GetResultAsync({CancellationToken} cancellationToken = default)");
                w.WriteLine("var result = await Handle.GetResultAsync(followRuns: true, cancellationToken).ConfigureAwait(false);");
                w.WriteLine($"return _converter.Deserialize<{model.Run.ResultType}>(result){Bang(model.Run.ResultType)};");
                w.CloseBlock();
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Asks the execution to cancel itself (<c>RequestCancelWorkflowExecution</c>).</summary>");
            w.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            w.WriteLine("/// <returns>A task that completes when SWF recorded the request.</returns>");
            w.WriteLine(GeneratedCode);
            w.WriteLine($"public {Task} RequestCancelAsync({CancellationToken} cancellationToken = default) => Handle.RequestCancelAsync(cancellationToken);");
            w.WriteLine();
            w.WriteLine("/// <summary>Ends the execution at once (<c>TerminateWorkflowExecution</c>).</summary>");
            w.WriteLine("/// <param name=\"reason\">Why, or null.</param>");
            w.WriteLine("/// <param name=\"details\">Details, or null.</param>");
            w.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            w.WriteLine("/// <returns>A task that completes when SWF terminated it.</returns>");
            w.WriteLine(GeneratedCode);
            w.WriteLine($"public {Task} TerminateAsync(string? reason = null, string? details = null, {CancellationToken} cancellationToken = default) =>");
            w.Indent();
            w.WriteLine("Handle.TerminateAsync(reason, details, childPolicy: null, cancellationToken);");
            w.Unindent();
            w.CloseBlock();
            return Close(w, model.Hierarchy);
        }

        internal static string ActivitiesSource(ActivitiesModel model)
        {
            var access = model.IsPublic ? "public" : "internal";
            var proxyName = model.BaseName + "Proxy";
            var dispatcherName = model.BaseName + "Dispatcher";
            var interfaceRef = SourceWriter.Escape(model.InterfaceName);
            var w = Open(model.Hierarchy);

            w.WriteLine($"/// <summary>");
            w.WriteLine($"/// The workflow-side proxy of <see cref=\"{interfaceRef}\"/>: each call schedules the activity and decodes its result.");
            w.WriteLine($"/// Workflows get one from <c>Workflow.Activities&lt;{interfaceRef}&gt;()</c>.");
            w.WriteLine($"/// </summary>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"internal sealed class {proxyName} : {model.FullInterfaceName}");
            w.WriteLine("private readonly global::Swf.Workflows.ActivityOptions? _options;");
            w.WriteLine();
            w.WriteLine("/// <summary>Initializes the proxy.</summary>");
            w.WriteLine("/// <param name=\"options\">How its activities are scheduled, or null for the registered defaults.</param>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"public {proxyName}(global::Swf.Workflows.ActivityOptions? options)");
            w.WriteLine("_options = options;");
            w.CloseBlock();
            foreach (var activity in model.Activities)
            {
                var method = activity.Method;
                var names = new HashSet<string>(method.Parameters.Select(p => p.Name));
                var converter = Free("converter", names);
                var result = Free("result", names);
                // The caller's token when the method takes one; otherwise null, which follows the proxy's
                // ActivityOptions.CancellationToken and then the workflow's token, so cancelling the workflow
                // cancels the activity.
                var token = method.Parameters.FirstOrDefault(p => p.IsCancellationToken)?.Name ?? "null";
                var payload = method.Parameters.Where(p => !p.IsCancellationToken).ToList();
                w.WriteLine();
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine(GeneratedCode);
                var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Type} {p.Name}"));
                w.OpenBlock($"public async {ReturnType(method)} {method.Name}({parameters})");
                if (payload.Count > 0 || method.ResultType is not null)
                {
                    w.WriteLine($"var {converter} = {WorkflowFacade}.PayloadConverter;");
                }

                var call = $"{WorkflowFacade}.ExecuteActivityAsync(new global::Swf.Model.ActivityType {{ Name = {SourceWriter.Literal(activity.TypeName)}, Version = {SourceWriter.Literal(activity.Version)} }}, {Encode(payload, converter)}, _options, {token})";
                if (method.ResultType is null)
                {
                    w.WriteLine($"await {call};");
                }
                else
                {
                    w.WriteLine($"var {result} = await {call};");
                    w.WriteLine($"return {converter}.Deserialize<{method.ResultType}>({result}){Bang(method.ResultType)};");
                }

                w.CloseBlock();
            }

            w.CloseBlock();
            w.WriteLine();
            w.WriteLine($"/// <summary>The activity-side dispatcher of <see cref=\"{interfaceRef}\"/>: builds the activity definitions a worker runs over an implementation.</summary>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"{access} static class {dispatcherName}");
            w.WriteLine("/// <summary>Builds one activity definition per method, creating the implementation once per task.</summary>");
            w.WriteLine("/// <param name=\"implementation\">Creates the implementation that runs a task.</param>");
            w.WriteLine("/// <param name=\"converter\">Decodes inputs and encodes results; use the converter the workflows use.</param>");
            w.WriteLine("/// <returns>The definitions, in declaration order.</returns>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"public static global::System.Collections.Generic.IReadOnlyList<global::Swf.Activities.ActivityDefinition> CreateDefinitions(global::System.Func<{model.FullInterfaceName}> implementation, {PayloadConverter} converter)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(implementation);");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(converter);");
            w.WriteLine("return new global::Swf.Activities.ActivityDefinition[]");
            w.OpenBlock();
            foreach (var activity in model.Activities)
            {
                var method = activity.Method;
                w.WriteLine("new global::Swf.Activities.ActivityDefinition");
                w.OpenBlock();
                w.WriteLine($"ActivityType = new global::Swf.Model.ActivityType {{ Name = {SourceWriter.Literal(activity.TypeName)}, Version = {SourceWriter.Literal(activity.Version)} }},");
                Property(w, "DefaultTaskList", activity.TaskList is null ? null : SourceWriter.Literal(activity.TaskList));
                Property(w, "DefaultScheduleToStartTimeout", Seconds(activity.ScheduleToStartTimeoutSeconds));
                Property(w, "DefaultScheduleToCloseTimeout", Seconds(activity.ScheduleToCloseTimeoutSeconds));
                Property(w, "DefaultStartToCloseTimeout", Seconds(activity.StartToCloseTimeoutSeconds));
                Property(w, "DefaultHeartbeatTimeout", Seconds(activity.HeartbeatTimeoutSeconds));
                Property(w, "DefaultTaskPriority", activity.TaskPriority?.ToString(CultureInfo.InvariantCulture));
                Property(w, "Description", activity.Description is null ? null : SourceWriter.Literal(activity.Description));
                w.WriteLine("Execute = async (context, input) =>");
                w.OpenBlock();
                var call = $"implementation().{method.Name}({Arguments(w, method, "input", "context.CancellationToken", "converter")}).ConfigureAwait(false)";
                if (method.ResultType is null)
                {
                    w.WriteLine($"await {call};");
                    w.WriteLine("return null;");
                }
                else
                {
                    w.WriteLine($"var result = await {call};");
                    w.WriteLine($"return converter.Serialize<{method.ResultType}>(result);");
                }

                w.CloseBlock(",");
                w.CloseBlock(",");
            }

            w.CloseBlock(";");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>Builds one activity definition per method over one implementation that runs every task.</summary>");
            w.WriteLine("/// <param name=\"implementation\">The implementation.</param>");
            w.WriteLine("/// <param name=\"converter\">Decodes inputs and encodes results; use the converter the workflows use.</param>");
            w.WriteLine("/// <returns>The definitions, in declaration order.</returns>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock($"public static global::System.Collections.Generic.IReadOnlyList<global::Swf.Activities.ActivityDefinition> CreateDefinitions({model.FullInterfaceName} implementation, {PayloadConverter} converter)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(implementation);");
            w.WriteLine("return CreateDefinitions(() => implementation, converter);");
            w.CloseBlock();
            w.CloseBlock();
            return Close(w, model.Hierarchy);
        }

        internal static string RegistrationSource(RegistrationModel model)
        {
            var w = Open(new HierarchyInfo("Swf.Generated", EquatableArray<string>.Empty));
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Every workflow and activities interface the Swf.Sdk generator found in this assembly. A module");
            w.WriteLine("/// initializer registers them in <see cref=\"global::Swf.Registration.SwfRegistry\"/>; hosting");
            w.WriteLine("/// (<c>services.AddSwf().AddWorkflow&lt;T&gt;()</c>) finds them there.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCode);
            w.OpenBlock("internal static class GeneratedSwfTypes");
            w.WriteLine("/// <summary>Gets the definitions of this assembly's workflow classes, ordered by class name; pass them to a <c>WorkflowWorker</c>.</summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::Swf.Workflows.WorkflowDefinition> WorkflowDefinitions { get; } = new global::Swf.Workflows.WorkflowDefinition[]");
            w.OpenBlock();
            foreach (var workflow in model.Workflows)
            {
                w.WriteLine($"{workflow.FullTypeName}.SwfDefinition,");
            }

            w.CloseBlock(";");
            w.WriteLine();
            w.WriteLine("/// <summary>Registers every generated definition, proxy and dispatcher of this assembly in the registry.</summary>");
            w.WriteLine(GeneratedCode);
            w.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.OpenBlock("internal static void Register()");
            foreach (var workflow in model.Workflows)
            {
                w.WriteLine($"global::Swf.Registration.SwfRegistry.RegisterWorkflow<{workflow.FullTypeName}>({workflow.FullTypeName}.SwfDefinition);");
            }

            foreach (var activities in model.Activities)
            {
                var container = ContainerOf(activities);
                w.WriteLine($"global::Swf.Registration.SwfRegistry.RegisterActivityProxy<{activities.FullInterfaceName}>(static options => new {container}{activities.BaseName}Proxy(options));");
                w.WriteLine($"global::Swf.Registration.SwfRegistry.RegisterActivities<{activities.FullInterfaceName}>(static (implementation, converter) => {container}{activities.BaseName}Dispatcher.CreateDefinitions(implementation, converter));");
            }

            w.CloseBlock();
            w.CloseBlock();
            return w.ToString();
        }

        private static void ReportDuplicates(SourceProductionContext context, RegistrationModel model)
        {
            var workflows = new Dictionary<(string, string), WorkflowModel>();
            foreach (var workflow in model.Workflows)
            {
                var key = (workflow.WorkflowTypeName, workflow.Version);
                if (workflows.TryGetValue(key, out var first))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateType, workflow.Location?.ToLocation(), "Workflow", key.Item1, key.Item2, first.FullTypeName.Replace("global::", string.Empty), workflow.FullTypeName.Replace("global::", string.Empty)));
                }
                else
                {
                    workflows.Add(key, workflow);
                }
            }

            var activities = new Dictionary<(string, string), ActivitiesModel>();
            foreach (var owner in model.Activities)
            {
                foreach (var activity in owner.Activities)
                {
                    var key = (activity.TypeName, activity.Version);
                    if (activities.TryGetValue(key, out var first) && first != owner)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateType, owner.Location?.ToLocation(), "Activity", key.Item1, key.Item2, first.FullInterfaceName.Replace("global::", string.Empty), owner.FullInterfaceName.Replace("global::", string.Empty)));
                    }
                    else if (first is null)
                    {
                        activities.Add(key, owner);
                    }
                }
            }
        }

        private static string ContainerOf(ActivitiesModel model)
        {
            // The generated types sit beside the interface: same namespace, same containing types.
            var full = model.FullInterfaceName;
            return full.Substring(0, full.Length - model.InterfaceName.Length);
        }

        /// <summary>Writes the decoding of a method's arguments (any statements first) and returns the argument list.</summary>
        private static string Arguments(SourceWriter w, MethodModel method, string input, string token, string converter)
        {
            var payload = method.Parameters.Where(p => !p.IsCancellationToken).ToList();
            if (payload.Count > 1)
            {
                w.WriteLine($"var args = {PayloadArray}.Decode({input}, {payload.Count.ToString(CultureInfo.InvariantCulture)});");
            }

            var index = 0;
            return string.Join(", ", method.Parameters.Select(p => p.IsCancellationToken
                ? token
                : $"{converter}.Deserialize<{p.Type}>({(payload.Count > 1 ? $"args[{(index++).ToString(CultureInfo.InvariantCulture)}]" : input)}){Bang(p.Type)}"));
        }

        private static string Encode(List<ParameterModel> payload, string converter) => payload.Count switch
        {
            0 => "null",
            1 => $"{converter}.Serialize<{payload[0].Type}>({payload[0].Name})",
            _ => $"{PayloadArray}.Encode({string.Join(", ", payload.Select(p => $"{converter}.Serialize<{p.Type}>({p.Name})"))})",
        };

        private static string ReturnType(MethodModel method) => method.ResultType is null ? Task : $"{Task}<{method.ResultType}>";

        private static string Bang(string type) => type.EndsWith("?", System.StringComparison.Ordinal) ? string.Empty : "!";

        private static string? Seconds(long? seconds) =>
            seconds is null ? null : $"global::System.TimeSpan.FromSeconds({seconds.Value.ToString(CultureInfo.InvariantCulture)})";

        private static void Property(SourceWriter w, string name, string? value)
        {
            if (value is not null)
            {
                w.WriteLine($"{name} = {value},");
            }
        }

        private static string Free(string name, HashSet<string> taken)
        {
            while (taken.Contains(name))
            {
                name += "_";
            }

            return name;
        }

        private static SourceWriter Open(HierarchyInfo hierarchy)
        {
            var w = new SourceWriter();
            w.WriteLine("// <auto-generated/>");
            w.WriteLine("#nullable enable");
            w.WriteLine();
            if (hierarchy.Namespace.Length > 0)
            {
                w.WriteLine($"namespace {hierarchy.Namespace};");
                w.WriteLine();
            }

            foreach (var containing in hierarchy.ContainingTypes)
            {
                w.OpenBlock(containing);
            }

            return w;
        }

        private static string Close(SourceWriter w, HierarchyInfo hierarchy)
        {
            for (var i = 0; i < hierarchy.ContainingTypes.Count; i++)
            {
                w.CloseBlock();
            }

            return w.ToString();
        }
    }
}
