using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>Everything the emitter needs about an <c>[Activities]</c> interface.</summary>
internal sealed record ActivitiesModel(
    HierarchyInfo Hierarchy,
    string InterfaceName,
    string FullInterfaceName,
    bool IsPublic,
    string BaseName,
    EquatableArray<ActivityModel> Activities,
    LocationInfo? Location);
