using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Resources;
using KeySell.Application.Security;
using KeySell.Domain.Common;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Teams;

/// <summary>
/// An admin lets someone in: a user with one role, linked to the colleague they are (an existing
/// unlinked colleague with the same email, else a new one). Without a password a temporary one is
/// generated, shown once, and must be changed at the first sign-in.
/// </summary>
public static class CreateUser
{
    public sealed record Command(string? Email, string? Name, string? Role, string? Password = null);

    public sealed record Created(string Id, string Email, string Name, Role Role, bool Disabled, Guid? ColleagueId, string? TemporaryPassword);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, SecurityLog log)
    {
        public async Task<Result<Created>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var validation = new Validation();
            validation.Required("email", command.Email, Emails.MaxLength);
            Emails.Check(validation, "email", command.Email);
            validation.Required("name", command.Name, Colleague.NameMaxLength);
            var role = validation.Enum<Role>("role", command.Role);
            if (command.Role is null) validation.Add("role", Messages.Format("Required"));
            var email = command.Email?.Trim() ?? "";
            if (email.Length > 0 && await users.FindByEmailAsync(email) is not null)
                validation.Add("email", Messages.Format("UserExists", email));
            if (validation.HasErrors) return validation.ToError();

            var password = string.IsNullOrEmpty(command.Password) ? GeneratedPasswords.New() : command.Password;
            var passwordProblems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new AppUser(), password);
                passwordProblems.AddRange(check.Errors.Select(e => e.Description));
            }
            if (passwordProblems.Count > 0)
            {
                foreach (var problem in passwordProblems) validation.Add("password", problem);
                return validation.ToError();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var colleague = await db.Colleagues.Where(c => c.Email == email && !db.Users.Any(u => u.ColleagueId == c.Id))
                .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
            if (colleague is null)
            {
                colleague = new Colleague { Name = command.Name!.Trim(), Email = email };
                db.Colleagues.Add(colleague);
            }
            else colleague.Name = command.Name!.Trim();
            await db.SaveChangesAsync(ct);

            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, ColleagueId = colleague.Id, Role = role!.Value,
                MustChangePassword = string.IsNullOrEmpty(command.Password),
                // The admin sets the first password; the user chooses their own at first sign-in.
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) validation.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
                return validation.ToError();
            }
            await log.RecordAsync(SecurityEventKinds.UserCreated, user.Id, email, $"role={user.Role.ToId()}", ct);
            await transaction.CommitAsync(ct);
            return new Created(user.Id, email, colleague.Name, user.Role, false, colleague.Id, string.IsNullOrEmpty(command.Password) ? password : null);
        }
    }
}
