using System.Globalization;
using System.Text;
using System.Text.Json;
using Swf.Converters;
using Swf.Exceptions;

namespace Swf.Client;

/// <summary>
/// The query values of an execution, parsed from its execution context (<c>latestExecutionContext</c>) as the
/// runtime writes it: one JSON object with the decision task's time under <c>"$asOf"</c> and each query's encoded
/// value under its name, <c>{"$asOf":"2026-01-01T00:00:05.000Z","Status":"AwaitingApproval","Total":12.5}</c>.
/// See docs/queries.md.
/// </summary>
public sealed class WorkflowQueryResults
{
    /// <summary>The member that holds the decision task's time (ISO-8601, UTC). Query names cannot start with <c>$</c>.</summary>
    public const string AsOfMember = "$asOf";

    /// <summary>The longest execution context SWF accepts, in characters.</summary>
    public const int MaxLength = 32_768;

    private readonly Dictionary<string, string?> _values;

    private WorkflowQueryResults(string workflowId, string? runId, DateTime asOf, Dictionary<string, string?> values)
    {
        WorkflowId = workflowId;
        RunId = runId;
        AsOf = asOf;
        _values = values;
    }

    /// <summary>Gets the workflow id of the execution the context was read from.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run the context was read from.</summary>
    public string? RunId { get; }

    /// <summary>Gets the time (UTC) of the decision task the values are as of.</summary>
    public DateTime AsOf { get; }

    /// <summary>Gets the names of the queries the context holds, in the order written.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>Parses an execution context written by the runtime.</summary>
    /// <param name="context">The execution context (<c>latestExecutionContext</c>).</param>
    /// <param name="workflowId">The execution's workflow id, for error messages.</param>
    /// <param name="runId">The run, for error messages.</param>
    /// <returns>The values.</returns>
    /// <exception cref="WorkflowQueryException">There is no context, or it is not in the runtime's format.</exception>
    public static WorkflowQueryResults Parse(string? context, string workflowId = "", string? runId = null)
    {
        if (string.IsNullOrEmpty(context))
        {
            throw new WorkflowQueryException(workflowId, runId, null, $"Workflow {workflowId} (run {runId}) has no execution context yet: no decision task of a workflow with queries has completed.");
        }

        try
        {
            using var document = JsonDocument.Parse(context);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(AsOfMember, out var asOfElement)
                && asOfElement.ValueKind == JsonValueKind.String
                && DateTime.TryParse(asOfElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var asOf))
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var member in root.EnumerateObject())
                {
                    if (member.Name != AsOfMember)
                    {
                        values[member.Name] = member.Value.ValueKind == JsonValueKind.Null ? null : member.Value.GetRawText();
                    }
                }

                return new WorkflowQueryResults(workflowId, runId, DateTime.SpecifyKind(asOf, DateTimeKind.Utc), values);
            }
        }
        catch (JsonException)
        {
            // Not JSON: another framework's context; reported below.
        }

        throw new WorkflowQueryException(
            workflowId,
            runId,
            null,
            $"The execution context of workflow {workflowId} (run {runId}) was not written by Swf.Sdk queries (a JSON object with \"{AsOfMember}\"): {Shorten(context)}. Read it raw with WorkflowHandle.GetExecutionContextAsync.");
    }

    /// <summary>Gets one query's encoded value (JSON text; null for JSON <c>null</c>).</summary>
    /// <param name="name">The query's name.</param>
    /// <param name="value">The encoded value.</param>
    /// <returns><c>true</c> when the context holds the query.</returns>
    public bool TryGetRaw(string name, out string? value) => _values.TryGetValue(name, out value);

    /// <summary>Decodes one query's value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The query's name.</param>
    /// <param name="converter">The payload converter the workflow encodes with.</param>
    /// <returns>The value and the time it is as of.</returns>
    /// <exception cref="WorkflowQueryException">The context holds no such query.</exception>
    public QueryResult<T> Get<T>(string name, IPayloadConverter converter)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(converter);
        if (!_values.TryGetValue(name, out var raw))
        {
            var known = _values.Count == 0 ? "none" : string.Join(", ", _values.Keys);
            throw new WorkflowQueryException(
                WorkflowId,
                RunId,
                name,
                $"The execution context of workflow {WorkflowId} (run {RunId}, as of {AsOf:O}) has no query '{name}' (it has: {known}); the code that decided the last task may not define it.");
        }

        return new QueryResult<T>(converter.Deserialize<T>(raw)!, AsOf);
    }

    /// <summary>Writes an execution context: the decision task's time, then each query's encoded (JSON) value.</summary>
    /// <param name="asOf">The decision task's time.</param>
    /// <param name="values">The queries' names and encoded values (null for JSON <c>null</c>).</param>
    /// <returns>The context's text.</returns>
    /// <exception cref="JsonException">A value is not valid JSON.</exception>
    internal static string Write(DateTime asOf, IEnumerable<KeyValuePair<string, string?>> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(AsOfMember, FormatAsOf(asOf));
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    // Validates the JSON: a converter whose output is not JSON cannot be part of the object.
                    writer.WriteRawValue(value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Formats a time as the context writes it: ISO-8601 UTC with milliseconds, as SWF stamps events.</summary>
    internal static string FormatAsOf(DateTime asOf) =>
        (asOf.Kind == DateTimeKind.Local ? asOf.ToUniversalTime() : asOf).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..80]}...' ({text.Length} characters)";
}
