using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KeySell.Web.Setup;

/// <summary>The limits of <c>KeySell:RateLimits</c>; the defaults are the contract's.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "KeySell:RateLimits";

    /// <summary>Failed sign-ins one client IP may make per minute, so it can neither guess passwords nor keep many users locked out.</summary>
    public int FailedSignInsPerMinute { get; set; } = 10;

    /// <summary>API requests one user may make per minute.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// Counts failed sign-ins per client IP. The rate-limiting middleware counts every request, but a
/// successful sign-in must not count, so this limiter is asked before the attempt (zero permits:
/// "is there room?") and charged only after a failure.
/// </summary>
public sealed class FailedSignInLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedSignInLimit(IOptions<RateLimitSettings> settings)
    {
        var permits = settings.Value.FailedSignInsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>How long the client must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? WaitFor(string client)
    {
        using var lease = _limiter.AttemptAcquire(client, 0);
        return lease.IsAcquired ? null : RateLimitSetup.RetryAfter(lease);
    }

    public void CountFailure(string client)
    {
        using var _ = _limiter.AttemptAcquire(client, 1);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class RateLimitSetup
{
    public const string PerUserApi = "per-user-api";

    public static void AddKeySellRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection(RateLimitSettings.Section));
        builder.Services.AddSingleton<FailedSignInLimit>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, ct) => WriteTooManyAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1),
                "Too many requests: this user's limit per minute is reached.");
            limiter.AddPolicy(PerUserApi, http =>
            {
                // Signed-out callers are refused by authorization anyway; the failed sign-in limit covers /api/auth.
                var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                if (userId is null) return RateLimitPartition.GetNoLimiter("anonymous");
                var permits = http.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.ApiRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(userId, _ =>
                    new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });
            });
        });
    }

    /// <summary>The client a limit applies to: the connection's address, which is the forwarded one only behind a configured proxy.</summary>
    public static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    public static async ValueTask WriteTooManyAsync(HttpContext http, TimeSpan wait, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = detail },
        });
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
