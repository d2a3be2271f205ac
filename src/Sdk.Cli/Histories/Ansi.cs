namespace Swf.Cli.Histories;

/// <summary>ANSI colours for terminals, or plain text when colours are off.</summary>
internal sealed class Ansi(bool enabled)
{
    private const string Reset = "\e[0m";

    public bool Enabled { get; } = enabled;

    public string Dim(string text) => Paint("\e[2m", text);

    public string Bold(string text) => Paint("\e[1m", text);

    public string Red(string text) => Paint("\e[31m", text);

    public string Tone(EventTone tone, string text) => tone switch
    {
        EventTone.Decision => Paint("\e[2m", text),
        EventTone.Command => Paint("\e[36m", text),
        EventTone.Success => Paint("\e[32m", text),
        EventTone.Failure => Paint("\e[1;31m", text),
        EventTone.Timer => Paint("\e[33m", text),
        EventTone.Signal => Paint("\e[35m", text),
        _ => text,
    };

    private string Paint(string code, string text) => Enabled && text.Length > 0 ? code + text + Reset : text;
}
