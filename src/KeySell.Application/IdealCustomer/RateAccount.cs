using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>
/// Replaces an account's ratings (write A) and stores the score they give. A criterion left out, or
/// given neither a rating nor a note, is unrated. The save re-judges the account's deals when the
/// score crosses the fit threshold (<c>poor-fit</c>), in the same transaction.
/// </summary>
public static class RateAccount
{
    public sealed record Given(Guid CriterionId, int? Rating, string? Note);

    public sealed record Command(Guid AccountId, IReadOnlyList<Given>? Ratings);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<AccountFit>> Handle(Command command, CancellationToken ct)
        {
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == command.AccountId, ct);
            if (account is null) return Versions.NotFound("account", command.AccountId);
            if (!await db.MayWriteAccountAsync(account.Id, ct)) return Error.Forbidden(Messages.Format("Access.ReadOnly"));

            var criteria = await FitCriteria.TrackedAsync(db, ct);
            var validation = Validate(command, criteria.Select(c => c.Id).ToHashSet());
            if (validation.HasErrors)
            {
                db.ChangeTracker.Clear();
                return validation.ToError();
            }

            var given = command.Ratings!.Where(r => r.Rating is not null || !string.IsNullOrWhiteSpace(r.Note)).ToDictionary(r => r.CriterionId);
            var stored = await db.FitRatings.Where(r => r.AccountId == account.Id).ToListAsync(ct);
            foreach (var gone in stored.Where(r => !given.ContainsKey(r.CriterionId))) db.FitRatings.Remove(gone);
            foreach (var (criterionId, input) in given)
            {
                var note = Texts.OrNull(input.Note);
                var rating = stored.FirstOrDefault(r => r.CriterionId == criterionId);
                if (rating is null) db.FitRatings.Add(new FitRating { AccountId = account.Id, CriterionId = criterionId, Rating = input.Rating, Note = note });
                else
                {
                    // Assigned only when different, so saving what was read writes nothing (and adds no history).
                    if (rating.Rating != input.Rating) rating.Rating = input.Rating;
                    if (rating.Note != note) rating.Note = note;
                }
            }
            var weights = criteria.ToDictionary(c => c.Id, c => c.Weight);
            var score = FitScore.Of(given.Values.Select(r => new FitScore.Rated(weights[r.CriterionId], r.Rating)));
            if (account.IdealCustomerScore != score) account.IdealCustomerScore = score;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return await AccountFits.ReadAsync(db, account.Id, score, ct);
        }
    }

    private static Validation Validate(Command command, HashSet<Guid> criteria)
    {
        var validation = new Validation();
        if (command.Ratings is not { } ratings) return validation.Add("ratings", Messages.Format("Required"));
        if (ratings.Count > FitCriterion.MaxCount) return validation.Add("ratings", Messages.Format("TooMany", FitCriterion.MaxCount));
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            if (r is null) { validation.Add($"ratings[{i}]", Messages.Format("Required")); continue; }
            if (!criteria.Contains(r.CriterionId))
                validation.Add($"ratings[{i}].criterionId", Messages.Format("ReferenceMissing", Messages.Format("Entity.fitCriterion"), r.CriterionId));
            else if (!seen.Add(r.CriterionId)) validation.Add($"ratings[{i}].criterionId", Messages.Format("Fit.DuplicateCriterion"));
            if (r.Rating is < FitRating.MinRating or > FitRating.MaxRating)
                validation.Add($"ratings[{i}].rating", Messages.Format("Fit.RatingRange", FitRating.MinRating, FitRating.MaxRating));
            validation.MaxLength($"ratings[{i}].note", r.Note, FitRating.NoteMaxLength);
        }
        return validation;
    }
}
