using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.Tests.BuyingInfluences;

public sealed class ResponseModeQuestionTests
{
    [Theory]
    [InlineData(RealityVersusResults.BelowNeeds, ResponseMode.Trouble)]
    [InlineData(RealityVersusResults.GoodButWantMore, ResponseMode.Growth)]
    [InlineData(RealityVersusResults.AboutWhatTheyWant, ResponseMode.EvenKeel)]
    [InlineData(RealityVersusResults.BetterThanNeeded, ResponseMode.Overconfident)]
    public void ModeFor_Answer_IsTheMethodsMode(RealityVersusResults answer, ResponseMode mode)
    {
        ResponseModeQuestion.ModeFor(answer).ShouldBe(mode);
        ResponseModeQuestion.AnswerFor(mode).ShouldBe(answer);
    }

    [Fact]
    public void AnswerFor_UnknownMode_HasNoAnswer() => ResponseModeQuestion.AnswerFor(ResponseMode.Unknown).ShouldBeNull();
}
