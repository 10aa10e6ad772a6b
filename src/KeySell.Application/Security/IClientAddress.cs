namespace KeySell.Application.Security;

/// <summary>The IP address of whoever caused the current operation, for the security log.</summary>
public interface IClientAddress
{
    string? Ip { get; }
}

/// <summary>The CLI runs on the database machine's console: there is no remote address to record.</summary>
public sealed class NoClientAddress : IClientAddress
{
    public string? Ip => null;
}
