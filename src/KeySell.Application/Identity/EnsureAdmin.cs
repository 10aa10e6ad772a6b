using KeySell.Application.Data;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Identity;

/// <summary>On first start, creates the admin user (and the colleague they are) so someone can sign in.</summary>
public static class EnsureAdmin
{
    public const string DefaultEmail = "admin@keysell.local";

    public sealed record Command(string? Email, string? Password);

    /// <summary><see cref="GeneratedPassword"/> is set only when this call created the admin with a password of its own.</summary>
    public sealed record Outcome(string Email, Guid? ColleagueId, string? GeneratedPassword);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Outcome> Handle(Command command)
        {
            var first = await db.Users.Where(u => u.Role == Role.Admin).OrderBy(u => u.Email).FirstOrDefaultAsync();
            if (first is not null) return new Outcome(first.Email!, first.ColleagueId, null);

            var email = string.IsNullOrWhiteSpace(command.Email) ? DefaultEmail : command.Email.Trim();
            var generated = string.IsNullOrEmpty(command.Password) ? GeneratedPasswords.New() : null;
            var colleague = await db.Colleagues.FirstOrDefaultAsync(c => c.Email == email)
                ?? db.Colleagues.Add(new Colleague { Name = "Administrator", Title = "KeySell admin", Email = email }).Entity;
            await db.SaveChangesAsync();

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, ColleagueId = colleague.Id, Role = Role.Admin };
            Check(await users.CreateAsync(user, command.Password ?? generated!));
            return new Outcome(email, colleague.Id, generated);
        }

        private static void Check(IdentityResult result)
        {
            // Start-up cannot go on without an admin; the message says what to fix in the configuration.
            if (!result.Succeeded)
                throw new InvalidOperationException(
                    "Cannot create the KeySell admin: " + string.Join(" ", result.Errors.Select(e => e.Description)) +
                    " Check KeySell__Admin__Email and KeySell__Admin__Password.");
        }
    }
}
