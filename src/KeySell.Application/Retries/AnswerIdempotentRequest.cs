using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Retries;

/// <summary>
/// After a POST with an <c>Idempotency-Key</c> ran: keeps its answer for the retries, or, when the
/// server failed (a 5xx or an exception), releases the key so a retry runs the request again.
/// </summary>
public static class AnswerIdempotentRequest
{
    /// <param name="Status">Null: the request failed on the server's side; the key is released.</param>
    public sealed record Command(Guid Id, int? Status, string? ContentType, string? Location, string? ETag, byte[]? Body);

    public sealed class Handler(AppDbContext db)
    {
        public async Task Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.IdempotentRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
            if (request is null || request.Status is not null) return;
            if (command.Status is null)
            {
                db.IdempotentRequests.Remove(request);
            }
            else
            {
                request.Status = command.Status;
                request.ContentType = command.ContentType;
                request.Location = command.Location;
                request.ETag = command.ETag;
                request.Body = command.Body;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
