using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Reviews;

/// <summary>A review as the API and the team page show it; <paramref name="ByName"/> is the reviewer's colleague name (else email).</summary>
public sealed record ReviewDetail(Guid Id, Guid OpportunityId, DateTimeOffset At, string By, string ByName, string? Note);

internal static class ReviewQueries
{
    /// <summary>Reviews with the reviewer's name, in one query.</summary>
    public static IQueryable<ReviewDetail> Details(this AppDbContext db, IQueryable<Review> reviews) =>
        from r in reviews
        join u in db.Users on r.ByUserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        join c in db.Colleagues on u.ColleagueId equals c.Id into colleagues
        from c in colleagues.DefaultIfEmpty()
        select new ReviewDetail(r.Id, r.OpportunityId, r.At, r.ByUserId, c != null ? c.Name : u != null ? u.Email ?? r.ByUserId : r.ByUserId, r.Note);
}

/// <summary>
/// Records that a manager reviewed the deal now (the funnel contract's manager's review): the count
/// of its changes since the last review starts again from zero. Who may: a manager of a team the
/// deal's owner is in, and admins (<see cref="AppDbContext.CanReviewOpportunity"/>); someone who
/// reads the deal otherwise gets 403, someone who cannot read it 404.
/// </summary>
public static class RecordReview
{
    public sealed record Command(Guid OpportunityId, string? Note);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ReviewDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            if (!await db.MayReviewOpportunityAsync(command.OpportunityId, ct)) return Error.Forbidden(Messages.Format("Access.ReviewManagersOnly"));
            var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            var validation = new Validation().MaxLength("note", note, Review.NoteMaxLength);
            if (validation.HasErrors) return validation.ToError();

            var review = new Review { OpportunityId = command.OpportunityId, At = db.Time.GetUtcNow(), ByUserId = db.CallerUserId, Note = note };
            db.Reviews.Add(review);
            if (await db.SaveOrConflictAsync(ct) is { } refused) return refused;
            return await db.Details(db.Reviews.AsNoTracking().Where(r => r.Id == review.Id)).FirstAsync(ct);
        }
    }
}

/// <summary>A deal's reviews, newest first: whoever reads the deal reads them (its seller sees when it was last reviewed and why).</summary>
public static class ListReviews
{
    public sealed record Query(Guid OpportunityId, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<ReviewDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var reviews = db.Reviews.AsNoTracking().Where(r => r.OpportunityId == query.OpportunityId);
            var total = await reviews.CountAsync(ct);
            // The page is cut before the names are joined; the join does not keep an order, so the page is sorted again.
            var items = await db.Details(reviews.OrderByDescending(r => r.At).ThenBy(r => r.Id).Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(ct);
            return new Paged<ReviewDetail>([.. items.OrderByDescending(r => r.At).ThenBy(r => r.Id)], total);
        }
    }
}
