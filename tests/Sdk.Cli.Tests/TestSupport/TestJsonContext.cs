using System.Text.Json.Serialization;

namespace Swf.Cli.Tests.TestSupport;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
