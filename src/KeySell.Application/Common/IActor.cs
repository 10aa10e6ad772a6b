namespace KeySell.Application.Common;

/// <summary>
/// Who is making a change, for the audit columns. The web host answers with the signed-in user,
/// the CLI with the operating-system user: two real implementations.
/// </summary>
public interface IActor
{
    string Name { get; }
}

public sealed class SystemActor(string name) : IActor
{
    public string Name { get; } = name;
}
