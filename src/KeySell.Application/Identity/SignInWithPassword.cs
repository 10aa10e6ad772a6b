using KeySell.Application.Security;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Application.Identity;

/// <summary>
/// Checks an email and password and opens a session. Every refusal looks the same to the caller
/// (unknown email, wrong password, locked, disabled), and costs about the same time: a password
/// hash is verified in each case, so timing does not tell which emails have accounts.
/// </summary>
public static class SignInWithPassword
{
    public sealed record Command(string? Email, string? Password, string? UserAgent);

    /// <summary><see cref="User"/> and <see cref="Session"/> are set only when the sign-in succeeded.</summary>
    public sealed record Outcome(AppUser? User, UserSession? Session)
    {
        public bool Succeeded => User is not null;
    }

    public sealed class Handler(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, Sessions sessions, SecurityLog log)
    {
        // A real hash of a random password, made once, to spend the same work on an unknown email.
        private static readonly Lazy<string> DummyHash = new(() =>
            new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

        public async Task<Outcome> Handle(Command command, CancellationToken ct)
        {
            var email = command.Email?.Trim() ?? "";
            var password = command.Password ?? "";
            var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);

            string? refusal;
            if (user is null)
            {
                hasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
                refusal = "unknown email";
            }
            else if (await users.IsLockedOutAsync(user))
            {
                hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash.Value, password);
                refusal = "locked out";
            }
            else if (user.Disabled)
            {
                hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash.Value, password);
                refusal = "disabled";
            }
            else if (!await users.CheckPasswordAsync(user, password))
            {
                // Counts towards the lockout (Identity locks after the configured number of failures).
                await users.AccessFailedAsync(user);
                refusal = await users.IsLockedOutAsync(user) ? "wrong password; now locked out" : "wrong password";
            }
            else
            {
                refusal = null;
            }

            if (refusal is not null)
            {
                await log.RecordAsync(SecurityEventKinds.SignInFailed, user?.Id, email, refusal, ct);
                return new Outcome(null, null);
            }

            await users.ResetAccessFailedCountAsync(user!);
            var session = await sessions.OpenAsync(user!.Id, command.UserAgent, ct);
            await log.RecordAsync(SecurityEventKinds.SignIn, user.Id, user.Email, $"session {session.Id}", ct);
            return new Outcome(user, session);
        }
    }
}
