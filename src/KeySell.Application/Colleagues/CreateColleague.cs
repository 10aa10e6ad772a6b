using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Colleagues;

namespace KeySell.Application.Colleagues;

public static class CreateColleague
{
    public sealed record Command(string? Name, string? Title = null, string? Email = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ColleagueDetail>> Handle(Command command, CancellationToken ct)
        {
            var fields = new ColleagueFields(command.Name, command.Title, command.Email);
            var validation = new Validation();
            fields.Validate(validation);
            if (validation.HasErrors) return validation.ToError();

            var colleague = new Colleague();
            fields.ApplyTo(colleague);
            db.Colleagues.Add(colleague);
            await db.SaveChangesAsync(ct);
            return ColleagueFields.Detail(colleague);
        }
    }
}
