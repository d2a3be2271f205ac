using System.Text;
using System.Text.Json.Nodes;

namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>
/// Turns a plausible request into a malformed one: a bad value in one member (wrong JSON types,
/// missing required members, empty, blank and huge strings, numbers and timestamps out of range,
/// unknown enum values, nested garbage), a broken body (truncated, not JSON, not UTF-8), or a bad
/// header or path. Each mutation says whether SWF refuses every request it makes.
/// </summary>
/// <param name="random">The fuzz run's seeded random source.</param>
internal sealed class Mutator(Random random)
{
    /// <summary>Stands for a lone UTF-16 surrogate, which JSON can escape but no string can hold; replaced in the text.</summary>
    private const string LoneSurrogate = "@@lone-surrogate@@";

    /// <summary>Stands for bytes that are not UTF-8; replaced in the body's bytes.</summary>
    private const string NotUtf8 = "@@not-utf8@@";

    private const string AmzJson = Wire.AmzJson;

    private int _oversized;

    /// <summary>Makes a malformed request from <paramref name="seed"/>, a request of <paramref name="operation"/>.</summary>
    public FuzzCase Mutate(string operation, Type requestType, JsonObject seed)
    {
        var dice = random.Next(100);
        if (dice < 12)
        {
            return BreakBody(operation, seed);
        }

        if (dice < 22)
        {
            return BreakHeaders(operation, seed);
        }

        var slots = RequestShapes.Slots(seed, requestType, operation);
        var slot = slots[random.Next(slots.Count)];
        var (description, value, remove, mustReject) = BadValue(slot);
        Apply(seed, slot.Path, value, remove);
        return Encode(operation, $"{slot.Text}: {description}", seed, mustReject);
    }

    /// <summary>Picks a bad value for a member, or its removal.</summary>
    public (string Description, JsonNode? Value, bool Remove, bool MustReject) BadValue(Slot slot)
    {
        var choices = new List<(string, Func<JsonNode?>, bool)>();
        void Add(string description, Func<JsonNode?> value, bool mustReject) => choices.Add((description, value, mustReject));

        if (slot.Path[^1] is string)
        {
            choices.Add(("removed", () => null, slot.Required));
            choices.Add(("JSON null", () => null, slot.Required));
        }

        // A value of another JSON type: the model's reader refuses it.
        if (slot.Kind is SlotKind.List)
        {
            Add("an object instead of a list", () => new JsonObject { ["a"] = 1 }, true);
            Add("a string instead of a list", () => "list", true);
            Add("a list of numbers", () => new JsonArray(1, 2), true);
            Add("a list of nulls", () => new JsonArray(null, null), false);
            Add("a list of 101 huge strings", () => new JsonArray([.. Enumerable.Range(0, 101).Select(_ => (JsonNode?)new string('l', 300))]), true);
        }
        else if (slot.Kind is SlotKind.Object)
        {
            Add("a string instead of an object", () => "object", true);
            Add("a list instead of an object", () => new JsonArray("a"), true);
            Add("a number instead of an object", () => 42, true);
            Add("an empty object", () => new JsonObject(), slot.HasRequiredMembers(RequestShapes.TypeInfo));
            Add("garbage nested 100 deep", () => Nested(100), true);
            Add("unknown members only", () => new JsonObject { ["bogus"] = new JsonObject { ["x"] = new JsonArray(1, "2", null) } }, slot.HasRequiredMembers(RequestShapes.TypeInfo));
        }
        else
        {
            Add("an object instead of a scalar", () => new JsonObject { ["value"] = "x" }, true);
            Add("a list instead of a scalar", () => new JsonArray("x"), true);
            Add("garbage nested 100 deep", () => Nested(100), true);
            if (slot.Kind is not SlotKind.Boolean)
            {
                Add("a boolean instead of a scalar", () => true, true);
            }
        }

        switch (slot.Kind)
        {
            case SlotKind.String:
            case SlotKind.Duration:
            case SlotKind.NumericString:
                Add("a number instead of a string", () => 7, true);
                Add("an empty string", () => string.Empty, slot.EmptyIsRefused || slot.Kind == SlotKind.Duration);
                Add("a space", () => " ", slot.IsName || slot.Kind != SlotKind.String || slot.Member == "taskToken");
                Add("tabs and newlines", () => "\t\n\r", slot.IsName || slot.Kind != SlotKind.String);
                Add("Unicode whitespace", () => "\u00a0\u2003\u3000", slot.IsName || slot.Kind != SlotKind.String);
                Add("32,769 characters", () => new string('h', 32769), true);
                Add("a lone surrogate", () => "a" + LoneSurrogate, false);
                Add("bytes that are not UTF-8", () => "a" + NotUtf8, true);
                break;
        }

        switch (slot.Kind)
        {
            case SlotKind.String:
                Add("257 characters", () => new string('n', 257), slot.IsName);
                Add("a NUL character", () => "a\u0000b", slot.IsName);
                Add("control characters", () => "\u0001\u001f\u007f", slot.IsName);
                Add("a colon", () => "a:b", slot.IsName);
                Add("a slash and a bar", () => "a/b|c", slot.IsName);
                Add("the literal arn", () => "arn", slot.IsName);
                Add("an astral character", () => "\U0001F600", false);
                if (_oversized < 2 && random.Next(20) == 0)
                {
                    _oversized++;
                    Add("1,000,000 characters", () => new string('m', 1_000_000), true);
                }

                break;
            case SlotKind.Duration:
                foreach (var bad in new[] { "-1", "abc", "1.5", "1e3", "0x10", "999999999", " 60", "60 ", "none", "٣" })
                {
                    Add($"the duration '{bad}'", () => bad, true);
                }

                break;
            case SlotKind.NumericString:
                foreach (var bad in new[] { "abc", "1.5", "1e3", "99999999999", "2147483648", "-2147483649", "٣" })
                {
                    Add($"the number '{bad}'", () => bad, true);
                }

                break;
            case SlotKind.Integer:
                Add("a string instead of a number", () => "10", true);
                foreach (var bad in new[] { "-1", "1001", "2147483648", "9223372036854775808", "1e400", "1.5", "-0.0001" })
                {
                    Add($"the number {bad}", () => JsonNode.Parse(bad), true);
                }

                break;
            case SlotKind.Timestamp:
                foreach (var bad in new[] { "1e20", "-1e12", "18446744073709551616", "253402300800", "-62135596801", "1e400", "\"yesterday\"", "\"1e30\"", "\"NaN\"", "\"-Infinity\"", "\"10000-01-01T00:00:00Z\"" })
                {
                    Add($"the timestamp {bad}", () => JsonNode.Parse(bad), true);
                }

                break;
            case SlotKind.Boolean:
                Add("the string \"true\"", () => "true", true);
                Add("the number 1", () => 1, true);
                break;
            case SlotKind.Enum:
                var known = RequestShapes.EnumValues(slot.Type);
                Add("an unknown enum value", () => "BOGUS_VALUE", true);
                Add("an enum value in lower case", () => known[0].ToLowerInvariant(), true);
                Add("an enum value with a space", () => " " + known[0], true);
                Add("an empty enum value", () => string.Empty, true);
                Add("a number instead of an enum value", () => 3, true);
                break;
        }

        var pick = random.Next(choices.Count);
        var (text, make, reject) = choices[pick];
        return (text, make(), Remove: pick == 0 && slot.Path[^1] is string, reject);
    }

    /// <summary>Sets (or removes) the member at <paramref name="path"/>; the objects and lists on the way exist.</summary>
    public static void Apply(JsonNode root, IReadOnlyList<object> path, JsonNode? value, bool remove)
    {
        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = path[i] is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)path[i]]!;
        }

        switch (path[^1])
        {
            case int index when remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name when remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }
    }

    /// <summary>Serializes a request, putting in the bytes and escapes no <see cref="JsonNode"/> can hold.</summary>
    public static FuzzCase Encode(string operation, string description, JsonNode request, bool mustReject)
    {
        var text = request.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(text);
        var marker = Encoding.UTF8.GetBytes(NotUtf8);
        var at = body.AsSpan().IndexOf(marker);
        if (at >= 0)
        {
            body = [.. body[..at], 0xC3, 0x28, 0xFF, .. body[(at + marker.Length)..]];
        }

        return new FuzzCase(operation, description, body, AmzJson, "SimpleWorkflowService." + operation, "/", mustReject);
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private FuzzCase BreakBody(string operation, JsonObject seed)
    {
        var valid = Encode(operation, "valid", seed, mustReject: false);
        var body = valid.Body;
        var choices = new List<(string, byte[], bool)>
        {
            ($"cut after {body.Length / 2} of {body.Length} bytes", body[..(body.Length / 2)], true),
            ("cut before its last byte", body[..^1], true),
            ("cut after one byte", body[..1], true),
            ("empty", [], true),
            ("the JSON null", "null"u8.ToArray(), true),
            ("a JSON list", "[]"u8.ToArray(), true),
            ("a JSON number", "42"u8.ToArray(), true),
            ("a JSON string", "\"{}\""u8.ToArray(), true),
            ("followed by garbage", [.. body, .. "}}x"u8], true),
            ("with a comment", [.. "/* c */"u8, .. body], true),
            ("with a NUL byte", [.. body[..1], 0, .. body[1..]], true),
            ("not UTF-8", [.. body[..1], 0xC3, 0x28, .. body[1..]], true),
            ("in UTF-16", Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body)), true),
            ("with a UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, .. body], false),
            ("every member twice", Encoding.UTF8.GetBytes("{" + string.Join(',', seed.Select(p => $"\"{p.Key}\":{p.Value?.ToJsonString() ?? "null"},\"{p.Key}\":{p.Value?.ToJsonString() ?? "null"}")) + "}"), false),
            ("garbage nested 100 deep", Encoding.UTF8.GetBytes(Nested(100).ToJsonString()), true),
        };
        if (_oversized < 2 && random.Next(10) == 0)
        {
            _oversized++;
            choices.Add(("3 MB, over the size limit", [.. body[..^1], .. Encoding.UTF8.GetBytes(",\"padding\":\"" + new string('p', 3 * 1024 * 1024) + "\"}")], true));
        }

        var (description, broken, mustReject) = choices[random.Next(choices.Count)];
        return valid with { Description = "body " + description, Body = broken, MustReject = mustReject };
    }

    private FuzzCase BreakHeaders(string operation, JsonObject seed)
    {
        var valid = Encode(operation, "valid", seed, mustReject: false);
        var other = RequestShapes.DecisionTypes.Count;
        FuzzCase[] choices =
        [
            valid with { Description = "Content-Type text/plain", ContentType = "text/plain", MustReject = true },
            valid with { Description = "Content-Type application/xml", ContentType = "application/xml", MustReject = true },
            valid with { Description = "no Content-Type", ContentType = null, MustReject = true },
            valid with { Description = "Content-Type application/x-amz-json-1.1", ContentType = "application/x-amz-json-1.1", MustReject = true },
            valid with { Description = "Content-Type of garbage", ContentType = "///;;;", MustReject = true },
            valid with { Description = "no X-Amz-Target", Target = null, MustReject = true },
            valid with { Description = "X-Amz-Target of the prefix alone", Target = "SimpleWorkflowService.", MustReject = true },
            valid with { Description = "X-Amz-Target in lower case", Target = "SimpleWorkflowService." + operation.ToLowerInvariant(), MustReject = true },
            valid with { Description = "X-Amz-Target without its prefix", Target = operation, MustReject = true },
            valid with { Description = "X-Amz-Target of another service", Target = "AmazonSQS." + operation, MustReject = true },
            valid with { Description = "X-Amz-Target naming no operation", Target = "SimpleWorkflowService.Bogus" + other, MustReject = true },
            valid with { Description = "X-Amz-Target of the prefix in lower case", Target = "simpleworkflowservice." + operation, MustReject = true },
            valid with { Description = "path /other", Path = "/other", MustReject = true },
            valid with { Description = "path //", Path = "//", MustReject = true },
            valid with { Description = "path /2012-01-25/" + operation, Path = "/2012-01-25/" + operation, MustReject = true },
        ];
        return choices[random.Next(choices.Length)];
    }
}
