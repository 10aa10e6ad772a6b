using KeySell.Application.Common;
using KeySell.Application.Security;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Application.Identity;

/// <summary>
/// A signed-in user changes their own password. Every other session of theirs ends (a stolen
/// cookie or token stops working); the caller signs the current one in again with the new stamp.
/// </summary>
public static class ChangePassword
{
    public sealed record Command(string UserId, Guid? CurrentSessionId, string? CurrentPassword, string? NewPassword);

    public sealed class Handler(UserManager<AppUser> users, SessionRevocation revocation, SecurityLog log)
    {
        public async Task<Result<AppUser>> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.UserId);
            if (user is null || user.Disabled) return Error.NotFound("This user no longer exists or is disabled.");
            if (string.IsNullOrEmpty(command.NewPassword))
                return Error.Invalid("newPassword", "Enter a new password.");
            if (command.NewPassword == command.CurrentPassword)
                return Error.Invalid("newPassword", "The new password must differ from the current one.");

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword ?? "", command.NewPassword);
            if (!changed.Succeeded)
            {
                var wrongCurrent = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
                var field = wrongCurrent ? "currentPassword" : "newPassword";
                var message = wrongCurrent ? "The current password is not correct." : string.Join(" ", changed.Errors.Select(e => e.Description));
                return Error.Invalid(field, message);
            }

            user.MustChangePassword = false;
            await revocation.RevokeAllAsync(user.Id, SecurityEventKinds.PasswordChanged, command.CurrentSessionId, ct);
            await log.RecordAsync(SecurityEventKinds.PasswordChanged, user.Id, user.Email, "other sessions ended", ct);
            return user;
        }
    }
}
