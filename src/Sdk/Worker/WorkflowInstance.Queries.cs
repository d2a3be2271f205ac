using System.Globalization;
using System.Text.Json;
using Swf.Client;
using Swf.Exceptions;

namespace Swf.Worker;

/// <content>
/// Queries the SWF way: after each decision task it runs (not a replayed one), the values of the workflow's queries
/// become the execution context sent with the decisions. Queries run on the workflow scheduler, one at a time, and may
/// not make decisions.
/// </content>
internal sealed partial class WorkflowInstance
{
    private string? _runningQuery;
    private Exception? _queryViolation;

    /// <summary>Gets the execution context to send with the decisions of the last decision task run, or null to send none.</summary>
    public string? ExecutionContext { get; private set; }

    /// <summary>Gets why the last decision task's context was left out (empty when it was not).</summary>
    public IReadOnlyList<QueryProblem> QueryProblems { get; private set; } = [];

    /// <summary>
    /// Gets a value indicating whether a query tried to make a decision. Its attempt was refused, but the state around
    /// it (a cancelled token, a counter) may differ from what replay rebuilds, so the worker drops the instance and the
    /// next decision task replays from history.
    /// </summary>
    public bool QueryBrokeRules { get; private set; }

    /// <summary>Throws (and remembers) when a query tries to make a decision or to consume deterministic state.</summary>
    private void ThrowIfInQuery(string what)
    {
        if (_runningQuery is null)
        {
            return;
        }

        var violation = new InvalidWorkflowOperationException(
            $"Query {_runningQuery} of workflow {_definition.WorkflowType.Name} tried to {what}: queries only read the workflow's state; they cannot make decisions, " +
            "use Workflow.NewGuid or Workflow.Random, or change state (they run after the decision task, never on replay).");
        _queryViolation ??= violation;
        throw violation;
    }

    /// <summary>Runs every query and builds the execution context, or records why there is none.</summary>
    private void EvaluateQueries()
    {
        ExecutionContext = null;
        QueryProblems = [];
        if (_definition.Queries.Count == 0 || _workflow is null)
        {
            return;
        }

        var values = new List<KeyValuePair<string, string?>>(_definition.Queries.Count);
        List<QueryProblem>? problems = null;
        foreach (var name in _definition.Queries.Keys.Order(StringComparer.Ordinal))
        {
            string? value = null;
            Exception? error = null;
            _runningQuery = name;
            _queryViolation = null;
            BeginSlice();
            try
            {
                value = QueryThroughInterceptors(name);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                EndSlice();
                _runningQuery = null;
            }

            if (_queryViolation is not null)
            {
                // Even when the query caught the refusal, it tried: report the refusal, not what it did next.
                QueryBrokeRules = true;
                error = _queryViolation;
            }
            else if (error is null && value is not null && !IsJson(value))
            {
                error = new FormatException($"Query {name} of workflow {_definition.WorkflowType.Name} encoded its value as something other than JSON (the payload converter must write JSON for queries).");
            }

            if (error is not null)
            {
                (problems ??= []).Add(new QueryProblem(name, error, 0, null));
            }
            else
            {
                values.Add(new(name, value));
            }
        }

        if (problems is not null)
        {
            // The decisions go without a context: SWF keeps the previous one, whose "$asOf" tells how old it is.
            QueryProblems = problems;
            return;
        }

        var context = WorkflowQueryResults.Write(UtcNow, values);
        if (context.Length > WorkflowQueryResults.MaxLength)
        {
            var bySize = values.OrderByDescending(v => v.Value?.Length ?? 4).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
            var sizes = string.Join(", ", bySize.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value?.Length ?? 4:N0}")));
            QueryProblems = [new QueryProblem(bySize[0].Key, null, context.Length, sizes)];
            return;
        }

        ExecutionContext = context;
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
