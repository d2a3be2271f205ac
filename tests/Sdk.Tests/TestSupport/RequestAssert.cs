namespace Swf.Tests.TestSupport;

/// <summary>Compares requests member by member, so that a copy that drops a member (say, one a newer model adds) fails.</summary>
internal static class RequestAssert
{
    /// <summary>Asserts that <paramref name="sent"/> is a different object with every public property equal to <paramref name="original"/>'s, except <c>NextPageToken</c>.</summary>
    public static void SameExceptToken<T>(T original, T sent, string? expectedToken)
        where T : class
    {
        Assert.NotSame(original, sent);
        foreach (var property in typeof(T).GetProperties())
        {
            var expected = property.Name == "NextPageToken" ? expectedToken : property.GetValue(original);
            Assert.True(Equals(expected, property.GetValue(sent)), $"{typeof(T).Name}.{property.Name} was {property.GetValue(sent) ?? "null"}, expected {expected ?? "null"}.");
        }
    }
}
