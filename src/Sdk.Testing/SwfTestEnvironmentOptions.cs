namespace Swf.Testing;

/// <summary>Settings of a <see cref="SwfTestEnvironment"/>.</summary>
public sealed class SwfTestEnvironmentOptions
{
    /// <summary>Gets or sets the domain the environment registers and runs in.</summary>
    public string Domain { get; set; } = "test";

    /// <summary>Gets or sets the clock's start.</summary>
    public DateTimeOffset StartTime { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets or sets the most worker steps one run may take before the environment reports the workflow as stuck in a loop.</summary>
    public int MaxSteps { get; set; } = 100_000;
}
