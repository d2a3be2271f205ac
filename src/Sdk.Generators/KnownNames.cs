namespace Swf.Generators;

/// <summary>Metadata names of the Swf.Sdk attributes the generator looks for (it does not reference Swf.Sdk).</summary>
internal static class KnownNames
{
    /// <summary>The root namespace of the SDK.</summary>
    public const string SdkNamespace = "Swf";
}
