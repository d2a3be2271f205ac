namespace Swf.LocalEngine.State;

/// <summary>Identifies a registered type by name and version, compared ordinally as SWF does.</summary>
/// <param name="Name">The type's name.</param>
/// <param name="Version">The type's version.</param>
internal readonly record struct TypeKey(string Name, string Version) : IComparable<TypeKey>
{
    /// <summary>Orders by name, then version, ordinally: the order SWF lists types in.</summary>
    public int CompareTo(TypeKey other)
    {
        var byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Version, other.Version);
    }

    public override string ToString() => $"[name={Name}, version={Version}]";
}
