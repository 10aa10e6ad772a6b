using KeySell.Application.Security;

namespace KeySell.Web.Setup;

/// <summary>The caller's IP for the security log; the forwarded one only when it came through a configured proxy.</summary>
public sealed class HttpClientAddress(IHttpContextAccessor http) : IClientAddress
{
    public string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
