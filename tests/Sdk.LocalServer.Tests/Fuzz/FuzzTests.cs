using System.Globalization;
using System.Text.Json.Nodes;
using Swf.LocalServer.Protocol;
using Xunit.Abstractions;

namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>
/// Malformed requests for every operation swf-local serves, and malformed decision batches, sent
/// over loopback HTTP to a server with a durable store: none is answered 5xx, every refusal is SWF's
/// error JSON, a refused request changes neither the engine's state nor its journal, and at the end
/// the journal replays into exactly the same state.
/// </summary>
/// <remarks>
/// Seeded and bounded: <c>SWF_FUZZ_SEED</c> picks another seed (the failure message names the one
/// that failed) and <c>SWF_FUZZ_CASES</c> the number of requests per operation. The requests depend
/// only on the seed, apart from the run ids and task tokens the server draws.
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int DefaultSeed = 16;
    private const int DefaultCases = 40;
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-fuzz-").FullName;

    private static int Seed => Setting("SWF_FUZZ_SEED", DefaultSeed);

    private static int Cases => Setting("SWF_FUZZ_CASES", DefaultCases);

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task EveryOperation_MalformedRequests_AreRefusedWithSwfErrorsChangeNothingAndTheJournalReplays()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        await using var world = await FuzzWorld.StartAsync(Database);
        var shapes = new RequestShapes(world, random);
        var mutator = new Mutator(random);
        var operations = SwfOperations.All.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(39, operations.Count);

        var number = 0;
        for (var round = 0; round < Cases; round++)
        {
            foreach (var operation in operations)
            {
                var fuzzCase = mutator.Mutate(operation.Name, operation.RequestType, shapes.Build(operation.Name, operation.RequestType));
                if (await world.SendAsync(fuzzCase, ++number) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        await FinishAsync(world, number, failures);
        Assert.All(operations, o => Assert.True(world.Refused.GetValueOrDefault(o.Name) > 0, $"no request of {o.Name} was refused"));
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_MalformedDecisionBatches_AreRefusedWholeAndChangeNothing()
    {
        const string Operation = "RespondDecisionTaskCompleted";
        var random = new Random(Seed);
        var failures = new List<string>();
        await using var world = await FuzzWorld.StartAsync(Database);
        var shapes = new RequestShapes(world, random);
        var mutator = new Mutator(random);
        string[] fillers = ["RecordMarker", "StartTimer", "ScheduleActivityTask"];
        var refusedAfterValid = RequestShapes.DecisionTypes.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);

        var number = 0;
        for (var round = 0; round < Math.Max(1, Cases / 2); round++)
        {
            foreach (var kind in RequestShapes.DecisionTypes)
            {
                // Valid decisions before (and some after) the bad one: a batch applied half-way would show in the state.
                var decisions = new JsonArray();
                var before = 1 + random.Next(3);
                for (var i = 0; i < before; i++)
                {
                    decisions.Add(shapes.BuildDecision(fillers[random.Next(fillers.Length)], Operation));
                }

                var bad = shapes.BuildDecision(kind, Operation);
                var (description, mustReject) = BreakDecision(bad, kind, random, mutator);
                decisions.Add(bad);
                for (var i = random.Next(3); i > 0; i--)
                {
                    decisions.Add(shapes.BuildDecision(fillers[random.Next(fillers.Length)], Operation));
                }

                var request = new JsonObject { ["taskToken"] = world.DecisionToken, ["decisions"] = decisions };
                var fuzzCase = Mutator.Encode(Operation, string.Create(CultureInfo.InvariantCulture, $"decision {before + 1} of {decisions.Count}, {kind}: {description}"), request, mustReject);
                var taken = world.Taken.GetValueOrDefault(Operation);
                if (await world.SendAsync(fuzzCase, ++number) is { } failure)
                {
                    failures.Add(failure);
                }
                else if (world.Taken.GetValueOrDefault(Operation) == taken)
                {
                    refusedAfterValid[kind]++;
                }
            }
        }

        await FinishAsync(world, number, failures);
        Assert.All(refusedAfterValid, pair => Assert.True(pair.Value > 0, $"no batch with a bad {pair.Key} after valid decisions was refused"));
    }

    private static (string Description, bool MustReject) BreakDecision(JsonObject decision, string kind, Random random, Mutator mutator)
    {
        var attributes = RequestShapes.AttributesMember(kind);
        switch (random.Next(10))
        {
            case 0:
                decision["decisionType"] = random.Next(2) == 0 ? "Bogus" + kind : kind.ToUpperInvariant();
                return ($"decisionType {decision["decisionType"]}", true);
            case 1:
                decision.Remove(random.Next(2) == 0 ? "decisionType" : attributes);
                return (decision.ContainsKey("decisionType") ? "attributes removed" : "decisionType removed", !decision.ContainsKey("decisionType"));
            case 2:
                var other = RequestShapes.DecisionTypes[(RequestShapes.DecisionTypes.ToList().IndexOf(kind) + 1) % RequestShapes.DecisionTypes.Count];
                decision[RequestShapes.AttributesMember(other)] = new JsonObject();
                return ($"also empty attributes of {other}", false);
            default:
                // A bad value inside the decision's own attributes (or, now and then, beside them).
                var slots = RequestShapes.Slots(decision, typeof(Model.Decision), "decision");
                var own = slots.Where(s => s.Path.Count > 1 && (string)s.Path[0] == attributes).ToList();
                var slot = own.Count > 0 && random.Next(5) != 0 ? own[random.Next(own.Count)] : slots[random.Next(slots.Count)];
                var (description, value, remove, mustReject) = mutator.BadValue(slot);
                Mutator.Apply(decision, slot.Path, value, remove);
                return ($"{slot.Text}: {description}", mustReject);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private async Task FinishAsync(FuzzWorld world, int number, List<string> failures)
    {
        if (await world.RestartAsync() is { } replay)
        {
            failures.Add(replay);
        }

        var refused = world.Refused.Values.Sum();
        var taken = world.Taken.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz seed {Seed}: {number} requests, {refused} refused, {taken} taken, {failures.Count} failures"));
        foreach (var (operation, count) in world.Taken.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  taken: {operation} {count}"));
        }

        Assert.True(
            failures.Count == 0,
            string.Create(CultureInfo.InvariantCulture, $"fuzz seed {Seed} (SWF_FUZZ_SEED={Seed} SWF_FUZZ_CASES={Cases} reproduces it): {failures.Count} of {number} requests failed:\n") + string.Join("\n", failures.Take(25)));
    }
}
