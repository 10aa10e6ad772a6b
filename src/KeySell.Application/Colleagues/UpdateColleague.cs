using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Colleagues;

public static class UpdateColleague
{
    public sealed record Command(Guid Id, string? Name, string? Title, string? Email, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ColleagueDetail>> Handle(Command command, CancellationToken ct)
        {
            var colleague = await db.Colleagues.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
            if (colleague is null) return Versions.NotFound("colleague", command.Id);
            var fields = new ColleagueFields(command.Name, command.Title, command.Email);
            var validation = new Validation();
            fields.Validate(validation);
            if (validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(colleague, command.Version, "colleague") is { } stale) return stale;

            fields.ApplyTo(colleague);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return ColleagueFields.Detail(colleague);
        }
    }
}
