using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>What workflow and activity types share: their key, registration and deprecation.</summary>
internal abstract class RegisteredTypeState
{
    public required TypeKey Key { get; init; }

    public string? Description { get; init; }

    public required DateTime CreationDate { get; init; }

    /// <summary>Gets the engine's undo log, which the type's transitions record to.</summary>
    public required UndoLog Undo { get; init; }

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Registered;

    /// <summary>Gets when the type was deprecated; null while it is registered.</summary>
    public DateTime? DeprecationDate { get; private set; }

    public bool IsDeprecated => Status == RegistrationStatus.Deprecated;

    /// <summary>Registered to Deprecated: no new executions or tasks of the type start.</summary>
    /// <param name="at">When.</param>
    public void Deprecate(DateTime at)
    {
        if (IsDeprecated)
        {
            throw Illegal(nameof(Deprecate));
        }

        Status = RegistrationStatus.Deprecated;
        DeprecationDate = at;
        Undo.Record(() => (Status, DeprecationDate) = (RegistrationStatus.Registered, null));
    }

    /// <summary>Deprecated to Registered.</summary>
    public void Undeprecate()
    {
        if (!IsDeprecated)
        {
            throw Illegal(nameof(Undeprecate));
        }

        var deprecatedAt = DeprecationDate;
        Status = RegistrationStatus.Registered;
        DeprecationDate = null;
        Undo.Record(() => (Status, DeprecationDate) = (RegistrationStatus.Deprecated, deprecatedAt));
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"{GetType().Name} {Key}", transition, Status);
}
