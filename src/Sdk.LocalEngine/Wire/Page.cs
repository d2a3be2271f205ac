namespace Swf.LocalEngine.Wire;

/// <summary>One page of a listing and the token of the next page, if there is one.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="NextPageToken">The token of the next page; null on the last page.</param>
internal sealed record Page<T>(List<T> Items, string? NextPageToken);
