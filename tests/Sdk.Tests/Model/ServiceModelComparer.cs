using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Tests.Model;

/// <summary>
/// Compares botocore's SWF service model (<c>service-2.json</c>) with the SDK and lists every
/// difference: operations on <see cref="ISwfClient"/>, the members of every structure as
/// <see cref="SwfJsonContext"/> serializes them, enum values and faults.
/// </summary>
internal static class ServiceModelComparer
{
    // Poll results carry no task when the long poll ends empty, so the SDK makes all their members optional.
    private static readonly HashSet<string> AllOptionalShapes = new(StringComparer.Ordinal) { "DecisionTask", "ActivityTask" };

    // The one output shape whose members the SDK puts on the response itself.
    private const string FlattenedOutput = "ListTagsForResourceOutput";

    private static readonly Assembly Sdk = typeof(ISwfClient).Assembly;
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Lists the differences between a service model and the SDK.</summary>
    /// <param name="model">The root of <c>service-2.json</c>.</param>
    /// <param name="modelIsComplete">
    /// Whether the model is the whole API, so that SDK operations and enums it lacks are reported too;
    /// false for a partial model.
    /// </param>
    /// <returns>One line per difference; empty when the SDK matches.</returns>
    public static List<string> Compare(JsonElement model, bool modelIsComplete = true)
    {
        var mismatches = new List<string>();
        var operations = model.GetProperty("operations");
        var shapes = model.GetProperty("shapes");
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations.EnumerateObject())
        {
            if (operation.Value.TryGetProperty("input", out var input))
            {
                inputs.Add(input.GetProperty("shape").GetString()!);
            }
        }

        var context = new Context(shapes, inputs, mismatches);
        foreach (var operation in operations.EnumerateObject())
        {
            CompareOperation(context, operation.Name, operation.Value);
        }

        foreach (var shape in shapes.EnumerateObject())
        {
            var type = shape.Value.GetProperty("type").GetString();
            if (type == "structure" && shape.Value.TryGetProperty("exception", out var exception) && exception.GetBoolean())
            {
                CompareFault(context, shape.Name);
            }
            else if (type == "structure")
            {
                CompareStructure(context, shape.Name, shape.Value);
            }
            else if (type == "string" && shape.Value.TryGetProperty("enum", out var values))
            {
                CompareEnum(context, shape.Name, values);
            }
        }

        if (modelIsComplete)
        {
            FindUnmodelled(context, operations);
        }

        return mismatches;
    }

    private static void CompareOperation(Context context, string operation, JsonElement spec)
    {
        var where = $"operation {operation}";
        var method = typeof(ISwfClient).GetMethod(operation + "Async");
        if (method is null)
        {
            context.Report($"{where}: ISwfClient has no method {operation}Async");
            return;
        }

        var requestName = ClassName(context, spec.GetProperty("input").GetProperty("shape").GetString()!);
        var parameters = method.GetParameters();
        if (parameters.Length != 2 || parameters[0].ParameterType != ModelType(requestName) || parameters[1].ParameterType != typeof(CancellationToken))
        {
            context.Report($"{where}: {operation}Async takes ({string.Join(", ", parameters.Select(p => Show(p.ParameterType)))}), expected ({requestName}, CancellationToken)");
        }

        var response = ModelType(operation + "Response");
        if (response is null || !response.IsSubclassOf(typeof(SwfResponse)))
        {
            context.Report($"{where}: there is no class Swf.Model.{operation}Response deriving from SwfResponse");
            return;
        }

        if (method.ReturnType != typeof(Task<>).MakeGenericType(response))
        {
            context.Report($"{where}: {operation}Async returns {Show(method.ReturnType)}, expected Task<{operation}Response>");
        }

        var declared = response.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        if (!spec.TryGetProperty("output", out var output))
        {
            if (declared.Length != 0)
            {
                context.Report($"{where}: has no output, but {response.Name} has {string.Join(", ", declared.Select(p => p.Name))}");
            }

            return;
        }

        var outputShape = output.GetProperty("shape").GetString()!;
        if (outputShape == FlattenedOutput)
        {
            foreach (var member in context.Shapes.GetProperty(outputShape).GetProperty("members").EnumerateObject())
            {
                var property = response.GetProperty(Pascal(member.Name));
                var expected = MapType(context, member.Value.GetProperty("shape").GetString()!);
                if (property is null || expected is null || property.PropertyType != expected)
                {
                    context.Report($"{where}: {response.Name}.{Pascal(member.Name)} should be the flattened output member '{member.Name}' of type {Show(expected)}");
                }
            }

            return;
        }

        var wrapped = response.GetProperty(outputShape);
        var expectedOutput = ModelType(ClassName(context, outputShape));
        if (wrapped is null || expectedOutput is null || wrapped.PropertyType != expectedOutput)
        {
            context.Report($"{where}: {response.Name} should have a property {outputShape} of type {ClassName(context, outputShape)}");
        }
    }

    private static void CompareStructure(Context context, string shape, JsonElement spec)
    {
        var className = ClassName(context, shape);
        var type = ModelType(className);
        if (type is null)
        {
            context.Report($"structure {shape}: there is no class Swf.Model.{className}");
            return;
        }

        var info = SwfJsonContext.Default.GetTypeInfo(type);
        if (info is null)
        {
            context.Report($"structure {shape}: SwfJsonContext has no metadata for {className}");
            return;
        }

        var properties = new Dictionary<string, JsonPropertyInfo>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (!property.IsExtensionData)
            {
                properties[property.Name] = property;
            }
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (!AllOptionalShapes.Contains(shape) && spec.TryGetProperty("required", out var requiredList))
        {
            foreach (var name in requiredList.EnumerateArray())
            {
                required.Add(name.GetString()!);
            }
        }

        var members = spec.GetProperty("members");
        foreach (var member in members.EnumerateObject())
        {
            var where = $"structure {shape}, member {member.Name}";
            if (!properties.TryGetValue(member.Name, out var property))
            {
                context.Report($"{where}: {className} has no property with the JSON name '{member.Name}'");
                continue;
            }

            var memberShape = member.Value.GetProperty("shape").GetString()!;
            var expected = MapType(context, memberShape);
            if (expected is null)
            {
                context.Report($"{where}: the SDK has no type for its shape {memberShape}");
                continue;
            }

            var isRequired = required.Contains(member.Name);
            if (expected.IsValueType && !isRequired)
            {
                expected = typeof(Nullable<>).MakeGenericType(expected);
            }

            if (property.PropertyType != expected)
            {
                context.Report($"{where}: {className} property has type {Show(property.PropertyType)}, expected {Show(expected)} (shape {memberShape}{(isRequired ? ", required" : string.Empty)})");
                continue;
            }

            if (!expected.IsValueType && property.AttributeProvider is PropertyInfo clrProperty)
            {
                var state = Nullability.Create(clrProperty).ReadState;
                var expectedState = isRequired ? NullabilityState.NotNull : NullabilityState.Nullable;
                if (state != expectedState)
                {
                    context.Report($"{where}: {className}.{clrProperty.Name} is {state}, expected {expectedState} because the member is {(isRequired ? "required" : "optional")}");
                }
            }
        }

        foreach (var name in properties.Keys)
        {
            if (!members.TryGetProperty(name, out _))
            {
                context.Report($"structure {shape}: {className} serializes '{name}', which the model does not have");
            }
        }
    }

    private static void CompareEnum(Context context, string shape, JsonElement values)
    {
        var type = ModelType(shape);
        if (type is null || !type.IsSubclassOf(typeof(ConstantClass)))
        {
            context.Report($"enum {shape}: there is no ConstantClass Swf.Model.{shape}");
            return;
        }

        var known = type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable;
        if (known is null)
        {
            context.Report($"enum {shape}: {shape}.KnownValues is missing");
            return;
        }

        var sdkValues = known.Cast<ConstantClass>().Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        var modelValues = values.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
        foreach (var value in modelValues.Where(v => !sdkValues.Contains(v)))
        {
            context.Report($"enum {shape}: value '{value}' is not in {shape}.KnownValues");
        }

        foreach (var value in sdkValues.Where(v => !modelValues.Contains(v)))
        {
            context.Report($"enum {shape}: {shape}.KnownValues has '{value}', which the model does not have");
        }
    }

    private static void CompareFault(Context context, string shape)
    {
        var name = shape.EndsWith("Fault", StringComparison.Ordinal) ? shape[..^"Fault".Length] + "Exception" : shape + "Exception";
        var type = Sdk.GetType("Swf.Exceptions." + name);
        if (type is null || !type.IsSubclassOf(typeof(SwfException)))
        {
            context.Report($"fault {shape}: there is no SwfException Swf.Exceptions.{name}");
            return;
        }

        var faultName = type.GetField("FaultName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        if (faultName != shape)
        {
            context.Report($"fault {shape}: {name}.FaultName is '{faultName}', expected '{shape}'");
        }

        var created = SwfFaults.Create(shape, "message", 400, null);
        if (created.GetType() != type)
        {
            context.Report($"fault {shape}: SwfFaults.Create gives {created.GetType().Name}, expected {name}");
        }
    }

    private static void FindUnmodelled(Context context, JsonElement operations)
    {
        foreach (var method in typeof(ISwfClient).GetMethods())
        {
            var operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
            if (!operations.TryGetProperty(operation, out _))
            {
                context.Report($"ISwfClient.{method.Name}: the model has no operation {operation}");
            }
        }

        foreach (var type in Sdk.GetTypes().Where(t => t.Namespace == "Swf.Model" && t.IsSubclassOf(typeof(ConstantClass))))
        {
            if (!context.Shapes.TryGetProperty(type.Name, out var shape) || !shape.TryGetProperty("enum", out _))
            {
                context.Report($"enum {type.Name}: the model has no enum shape {type.Name}");
            }
        }
    }

    private static Type? MapType(Context context, string shape)
    {
        if (!context.Shapes.TryGetProperty(shape, out var spec))
        {
            return null;
        }

        return spec.GetProperty("type").GetString() switch
        {
            "string" when spec.TryGetProperty("enum", out _) => ModelType(shape) is { } e && e.IsSubclassOf(typeof(ConstantClass)) ? e : null,
            "string" => typeof(string),
            "boolean" => typeof(bool),
            "integer" => typeof(int),
            "long" => typeof(long),
            "timestamp" => typeof(DateTime),
            "list" => MapType(context, spec.GetProperty("member").GetProperty("shape").GetString()!) is { } item
                ? typeof(List<>).MakeGenericType(item)
                : null,
            "structure" => ModelType(ClassName(context, shape)),
            _ => null,
        };
    }

    // An operation's input shape XxxInput is the class XxxRequest; every other shape keeps its name.
    private static string ClassName(Context context, string shape) =>
        context.Inputs.Contains(shape) && shape.EndsWith("Input", StringComparison.Ordinal) ? shape[..^"Input".Length] + "Request" : shape;

    private static Type? ModelType(string name) => Sdk.GetType("Swf.Model." + name);

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Show(Type? type)
    {
        if (type is null)
        {
            return "(none)";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Show(underlying) + "?";
        }

        return type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Show))}>"
            : type.Name;
    }

    private sealed record Context(JsonElement Shapes, HashSet<string> Inputs, List<string> Mismatches)
    {
        public void Report(string mismatch) => Mismatches.Add(mismatch);
    }
}
