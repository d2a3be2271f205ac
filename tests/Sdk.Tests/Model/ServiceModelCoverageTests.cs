using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Model;

/// <summary>
/// Proves that the generated model is the whole SWF API as botocore describes it: every operation,
/// every member with its wire name and type, every enum value and every fault.
/// </summary>
public class ServiceModelCoverageTests
{
    // A slice of the real model, member for member: ListDomains and what it touches.
    private const string MiniModel = """
        {
          "operations": {
            "ListDomains": { "name": "ListDomains", "input": { "shape": "ListDomainsInput" }, "output": { "shape": "DomainInfos" },
                             "errors": [ { "shape": "OperationNotPermittedFault" } ] }
          },
          "shapes": {
            "ListDomainsInput": { "type": "structure", "required": [ "registrationStatus" ], "members": {
              "nextPageToken": { "shape": "PageToken" }, "registrationStatus": { "shape": "RegistrationStatus" },
              "maximumPageSize": { "shape": "PageSize" }, "reverseOrder": { "shape": "ReverseOrder" } } },
            "DomainInfos": { "type": "structure", "required": [ "domainInfos" ], "members": {
              "domainInfos": { "shape": "DomainInfoList" }, "nextPageToken": { "shape": "PageToken" } } },
            "DomainInfo": { "type": "structure", "required": [ "name", "status" ], "members": {
              "name": { "shape": "DomainName" }, "status": { "shape": "RegistrationStatus" },
              "description": { "shape": "Description" }, "arn": { "shape": "Arn" } } },
            "DomainInfoList": { "type": "list", "member": { "shape": "DomainInfo" } },
            "RegistrationStatus": { "type": "string", "enum": [ "REGISTERED", "DEPRECATED" ] },
            "PageToken": { "type": "string", "max": 2048 },
            "PageSize": { "type": "integer", "max": 1000, "min": 0 },
            "ReverseOrder": { "type": "boolean" },
            "DomainName": { "type": "string", "max": 256, "min": 1 },
            "Description": { "type": "string", "max": 1024 },
            "Arn": { "type": "string", "max": 1600, "min": 1 },
            "Count": { "type": "integer", "min": 0 },
            "ErrorMessage": { "type": "string" },
            "OperationNotPermittedFault": { "type": "structure", "members": { "message": { "shape": "ErrorMessage" } }, "exception": true }
          }
        }
        """;

    public static TheoryData<string, string> Doctorings => new()
    {
        { "extra member", "structure DomainInfo, member owner: DomainInfo has no property with the JSON name 'owner'" },
        { "extra enum value", "enum RegistrationStatus: value 'ARCHIVED' is not in RegistrationStatus.KnownValues" },
        { "extra operation", "operation ListDomainAliases: ISwfClient has no method ListDomainAliasesAsync" },
        { "extra fault", "fault DomainLockedFault: there is no SwfException Swf.Exceptions.DomainLockedException" },
        { "member type changed", "structure DomainInfo, member description: DomainInfo property has type String, expected Int32?" },
        { "member made required", "structure DomainInfo, member arn: DomainInfo.Arn is Nullable, expected NotNull" },
        { "member removed", "structure DomainInfo: DomainInfo serializes 'arn', which the model does not have" },
        { "enum value removed", "enum RegistrationStatus: RegistrationStatus.KnownValues has 'DEPRECATED', which the model does not have" },
    };

    [SkippableFact]
    public async Task Compare_InstalledBotocoreModel_FindsNoMismatch()
    {
        using var model = await LoadInstalledModelAsync();

        var mismatches = ServiceModelComparer.Compare(model.RootElement);

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatch(es) between botocore's SWF model and the SDK:\n{string.Join('\n', mismatches)}");
    }

    [Fact]
    public void Compare_MiniModelAgreeingWithSdk_FindsNoMismatch()
    {
        using var model = JsonDocument.Parse(MiniModel);

        var mismatches = ServiceModelComparer.Compare(model.RootElement, modelIsComplete: false);

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Doctorings))]
    public void Compare_DoctoredMiniModel_ReportsTheMismatch(string doctoring, string expected)
    {
        var model = JsonNode.Parse(MiniModel)!;
        Doctor(model, doctoring);

        var mismatches = ServiceModelComparer.Compare(ToElement(model), modelIsComplete: false);

        Assert.Contains(mismatches, m => m.Contains(expected, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Compare_InstalledModelWithExtraMemberAndEnumValue_ReportsBoth()
    {
        using var installed = await LoadInstalledModelAsync();
        var model = JsonNode.Parse(installed.RootElement.GetRawText())!;
        model["shapes"]!["HistoryEvent"]!["members"]!["fooEventAttributes"] = new JsonObject { ["shape"] = "Data" };
        model["shapes"]!["EventType"]!["enum"]!.AsArray().Add("FooHappened");

        var mismatches = ServiceModelComparer.Compare(ToElement(model));

        Assert.Equal(2, mismatches.Count);
        Assert.Contains(mismatches, m => m.Contains("structure HistoryEvent, member fooEventAttributes", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("enum EventType: value 'FooHappened'", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Compare_InstalledModelWithoutAnOperation_ReportsTheUnmodelledMethod()
    {
        using var installed = await LoadInstalledModelAsync();
        var model = JsonNode.Parse(installed.RootElement.GetRawText())!;
        model["operations"]!.AsObject().Remove("TagResource");

        var mismatches = ServiceModelComparer.Compare(ToElement(model));

        Assert.Contains("ISwfClient.TagResourceAsync: the model has no operation TagResource", mismatches);
    }

    private static void Doctor(JsonNode model, string doctoring)
    {
        var shapes = model["shapes"]!;
        switch (doctoring)
        {
            case "extra member":
                shapes["DomainInfo"]!["members"]!["owner"] = new JsonObject { ["shape"] = "Description" };
                break;
            case "extra enum value":
                shapes["RegistrationStatus"]!["enum"]!.AsArray().Add("ARCHIVED");
                break;
            case "extra operation":
                model["operations"]!["ListDomainAliases"] = new JsonObject { ["input"] = new JsonObject { ["shape"] = "ListDomainsInput" } };
                break;
            case "extra fault":
                shapes["DomainLockedFault"] = JsonNode.Parse("""{ "type": "structure", "members": {}, "exception": true }""");
                break;
            case "member type changed":
                shapes["DomainInfo"]!["members"]!["description"]!["shape"] = "Count";
                break;
            case "member made required":
                shapes["DomainInfo"]!["required"]!.AsArray().Add("arn");
                break;
            case "member removed":
                shapes["DomainInfo"]!["members"]!.AsObject().Remove("arn");
                break;
            case "enum value removed":
                shapes["RegistrationStatus"]!["enum"]!.AsArray().RemoveAt(1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(doctoring), doctoring, null);
        }
    }

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static async Task<JsonDocument> LoadInstalledModelAsync()
    {
        var (directory, reason) = await Python.FindSwfModelDirectoryAsync();
        Skip.If(directory is null, reason);
        await using var file = File.OpenRead(Path.Combine(directory, "service-2.json.gz"));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return await JsonDocument.ParseAsync(gzip);
    }
}
