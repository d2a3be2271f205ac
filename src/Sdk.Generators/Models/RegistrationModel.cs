using Swf.Generators.Helpers;

namespace Swf.Generators.Models;

/// <summary>Every generated workflow and activities interface of the compilation, ordered by full name.</summary>
internal sealed record RegistrationModel(EquatableArray<WorkflowModel> Workflows, EquatableArray<ActivitiesModel> Activities);
