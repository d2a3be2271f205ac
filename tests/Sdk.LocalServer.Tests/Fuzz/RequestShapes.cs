using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>
/// The shapes of SWF's requests, read from the model's JSON metadata (the same metadata swf-local
/// reads requests with): builds a plausible request for an operation, and lists its members.
/// </summary>
/// <param name="world">Names what exists on the server: the domain, the types, live task tokens, an open run.</param>
/// <param name="random">The fuzz run's seeded random source.</param>
internal sealed class RequestShapes(FuzzWorld world, Random random)
{
    /// <summary>The decision types, in the model's order; each has a <c>{camelCase}DecisionAttributes</c> member.</summary>
    public static IReadOnlyList<string> DecisionTypes { get; } = [.. DecisionType.KnownValues.Select(v => v.Value)];

    /// <summary>Gets the JSON metadata of a model type.</summary>
    public static JsonTypeInfo TypeInfo(Type type) =>
        SwfJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} has no JSON metadata in SwfJsonContext.");

    /// <summary>Gets the wire name of a decision type's attributes member.</summary>
    public static string AttributesMember(string decisionType) => char.ToLowerInvariant(decisionType[0]) + decisionType[1..] + "DecisionAttributes";

    /// <summary>Gets the type of a decision type's attributes.</summary>
    public static Type AttributesType(string decisionType) =>
        TypeInfo(typeof(Decision)).Properties.Single(p => p.Name == AttributesMember(decisionType)).PropertyType;

    /// <summary>Builds a request with every required member and, at random, some optional ones, each with a value that names what exists.</summary>
    public JsonObject Build(string operation, Type requestType) => BuildObject(TypeInfo(requestType), operation, operation);

    /// <summary>Builds a decision of the given type with its attributes.</summary>
    public JsonObject BuildDecision(string decisionType, string operation) => new()
    {
        ["decisionType"] = decisionType,
        [AttributesMember(decisionType)] = BuildObject(TypeInfo(AttributesType(decisionType)), operation, AttributesMember(decisionType)),
    };

    /// <summary>Lists every member of <paramref name="node"/> (present or not) and, within present objects and lists, theirs.</summary>
    public static List<Slot> Slots(JsonObject node, Type type, string parent)
    {
        var slots = new List<Slot>();
        Collect(TypeInfo(type), node, [], parent, slots);
        return slots;
    }

    /// <summary>Classifies a member by its type and name.</summary>
    public static SlotKind KindOf(Type type, string member)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return member.EndsWith("Timeout", StringComparison.Ordinal) ? SlotKind.Duration
                : member is "taskPriority" or "workflowExecutionRetentionPeriodInDays" ? SlotKind.NumericString
                : SlotKind.String;
        }

        return type == typeof(bool) ? SlotKind.Boolean
            : type == typeof(int) || type == typeof(long) ? SlotKind.Integer
            : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? SlotKind.Timestamp
            : typeof(ConstantClass).IsAssignableFrom(type) ? SlotKind.Enum
            : typeof(IEnumerable).IsAssignableFrom(type) ? SlotKind.List
            : SlotKind.Object;
    }

    /// <summary>Gets the item type of a list type.</summary>
    public static Type ItemType(Type listType) => listType.IsArray ? listType.GetElementType()! : listType.GetGenericArguments()[0];

    /// <summary>Gets the wire values an enum documents.</summary>
    public static IReadOnlyList<string> EnumValues(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var known = (IEnumerable)type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return [.. known.Cast<ConstantClass>().Select(v => v.Value)];
    }

    /// <summary>Builds a valid value for a member.</summary>
    public JsonNode? BuildValue(Type type, string operation, string parent, string member)
    {
        switch (KindOf(type, member))
        {
            case SlotKind.String:
            case SlotKind.Duration:
            case SlotKind.NumericString:
                return world.ValueFor(operation, parent, member);
            case SlotKind.Boolean:
                return false;
            case SlotKind.Integer:
                return 10;
            case SlotKind.Timestamp:
                return member == "latestDate" ? 4102444800 : 0;
            case SlotKind.Enum:
                return member switch
                {
                    "registrationStatus" => "REGISTERED",
                    "childPolicy" or "defaultChildPolicy" => "TERMINATE",
                    _ => EnumValues(type)[0],
                };
            case SlotKind.List:
                var item = ItemType(type);
                if (item == typeof(Decision))
                {
                    return new JsonArray(BuildDecision(DecisionTypes[random.Next(DecisionTypes.Count)], operation));
                }

                return new JsonArray(BuildValue(item, operation, parent, member));
            default:
                return BuildObject(TypeInfo(Nullable.GetUnderlyingType(type) ?? type), operation, member);
        }
    }

    private static void Collect(JsonTypeInfo info, JsonObject node, List<object> path, string parent, List<Slot> slots)
    {
        // The extension-data member keeps unknown members for round trips; it is no member of SWF's.
        foreach (var property in info.Properties.Where(p => !p.IsExtensionData))
        {
            var kind = KindOf(property.PropertyType, property.Name);
            List<object> at = [.. path, property.Name];
            slots.Add(new Slot(at, property.Name, parent, kind, property.IsRequired, property.PropertyType));
            if (kind == SlotKind.Object && node[property.Name] is JsonObject child)
            {
                Collect(TypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), child, at, property.Name, slots);
            }
            else if (kind == SlotKind.List && node[property.Name] is JsonArray { Count: > 0 } list)
            {
                var itemType = ItemType(property.PropertyType);
                var itemKind = KindOf(itemType, property.Name);
                List<object> first = [.. at, 0];
                slots.Add(new Slot(first, property.Name, parent, itemKind, Required: false, itemType));
                if (itemKind == SlotKind.Object && list[0] is JsonObject item)
                {
                    Collect(TypeInfo(itemType), item, first, property.Name, slots);
                }
            }
        }
    }

    private JsonObject BuildObject(JsonTypeInfo info, string operation, string parent)
    {
        var node = new JsonObject();
        foreach (var property in info.Properties.Where(p => !p.IsExtensionData))
        {
            // Of a decision, only the attributes of its own type; of the rest, some optional members, for variety.
            if (property.Name.EndsWith("DecisionAttributes", StringComparison.Ordinal)
                || (!property.IsRequired && (random.Next(3) != 0 || property.Name == "nextPageToken")))
            {
                continue;
            }

            if (BuildValue(property.PropertyType, operation, parent, property.Name) is { } value)
            {
                node[property.Name] = value;
            }
        }

        if (info.Type == typeof(Decision) && node["decisionType"]?.GetValue<string>() is { } decisionType)
        {
            node[AttributesMember(decisionType)] = BuildObject(TypeInfo(AttributesType(decisionType)), operation, AttributesMember(decisionType));
        }

        return node;
    }

    /// <summary>Formats an integer for a wire value.</summary>
    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
