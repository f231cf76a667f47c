// `tenlik review peer invite|comment|reply|list`: peer review of a district cycle by a
// reviewer from another district (docs/review.md "Peer review").
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/review_shared.h"
#include "review/review.h"

namespace tenlik::cli {
namespace {

struct PeerFlags {
  int64_t cycle = 0;
  std::string account;
  std::string district;
  std::string node;
  std::string kind = "comment";
  std::string text;
  int64_t note = 0;
};

Status RunInvite(const Context& ctx, const PeerFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_RETURN_IF_ERROR(review::InvitePeerReviewer(
      *db, flags.cycle, {flags.account, flags.district, 0}, std::time(nullptr)));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"account", flags.account}}.dump(2) << "\n";
  } else {
    std::cout << T(ctx, {"Invited ", "Приглашён ", "Шақырылды: "}) << flags.account << "\n";
  }
  return Status::Ok();
}

Status RunComment(const Context& ctx, const PeerFlags& flags) {
  std::optional<review::PeerNoteKind> kind = review::ParsePeerNoteKind(flags.kind);
  if (!kind) {
    return InvalidArgument(
        "--kind " + flags.kind + ": " +
        T(ctx, {"expected comment or challenge", "ожидается comment или challenge",
                "comment немесе challenge күтіледі"}));
  }
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(int64_t id,
                          review::AddPeerNote(*db, flags.cycle, flags.account, flags.node, *kind,
                                              flags.text, std::time(nullptr)));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"note", id}}.dump(2) << "\n";
  } else {
    std::cout << T(ctx, {"Added note ", "Добавлена заметка ", "Жазба қосылды: "}) << id << "\n";
  }
  return Status::Ok();
}

Status RunReply(const Context& ctx, const PeerFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_RETURN_IF_ERROR(
      review::ReplyToPeerNote(*db, flags.cycle, flags.note, flags.text, std::time(nullptr)));
  if (!ctx.json) std::cout << T(ctx, {"Replied\n", "Ответ записан\n", "Жауап жазылды\n"});
  return Status::Ok();
}

Status RunList(const Context& ctx, const PeerFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(auto reviewers, review::ListPeerReviewers(*db, flags.cycle));
  TENLIK_ASSIGN_OR_RETURN(auto notes, review::ListPeerNotes(*db, flags.cycle));
  if (ctx.json) {
    nlohmann::json json = {{"cycle", flags.cycle},
                           {"reviewers", nlohmann::json::array()},
                           {"notes", nlohmann::json::array()}};
    for (const review::PeerReviewer& r : reviewers) {
      json["reviewers"].push_back(
          {{"account", r.account}, {"district_id", r.district_id}, {"invited_at", r.invited_at}});
    }
    for (const review::PeerNote& n : notes) {
      json["notes"].push_back({{"id", n.id},
                               {"node_id", n.node_id},
                               {"kind", review::PeerNoteKindName(n.kind)},
                               {"text", n.text},
                               {"author", n.author},
                               {"created_at", n.created_at},
                               {"reply", n.reply},
                               {"replied_at", n.replied_at}});
    }
    std::cout << json.dump(2) << "\n";
    return Status::Ok();
  }
  for (const review::PeerReviewer& r : reviewers) {
    std::cout << T(ctx, {"Reviewer: ", "Рецензент: ", "Сарапшы: "}) << r.account << " ("
              << r.district_id << ")\n";
  }
  for (const review::PeerNote& n : notes) {
    std::cout << n.id << " [" << review::PeerNoteKindName(n.kind) << "] "
              << (n.node_id.empty() ? T(ctx, {"whole review", "весь обзор", "бүкіл шолу"})
                                    : n.node_id)
              << " · " << n.author << " · " << FormatUtcMinute(n.created_at) << "\n  " << n.text
              << "\n";
    if (!n.reply.empty()) {
      std::cout << "  " << T(ctx, {"reply: ", "ответ: ", "жауап: "}) << n.reply << "\n";
    }
  }
  return Status::Ok();
}

void AddCycle(CLI::App* command, const Context& ctx, PeerFlags& flags) {
  command
      ->add_option(
          "cycle", flags.cycle,
          T(ctx, {"Number of the district cycle", "Номер цикла района", "Аудан циклінің нөмірі"}))
      ->required()
      ->check(CLI::PositiveNumber);
}

}  // namespace

void RegisterReviewPeerCommands(CLI::App& review, Context& ctx) {
  auto flags = std::make_shared<PeerFlags>();
  CLI::App* peer = review.add_subcommand(
      "peer", T(ctx, {"Peer review of a district cycle by a reviewer from another district, who "
                      "reads only aggregates and writes comments and challenges",
                      "Взаимная оценка цикла района рецензентом из другого района: он видит только "
                      "сводные данные и пишет комментарии и вопросы",
                      "Аудан циклін басқа ауданнан келген сарапшының бағалауы: ол тек жиынтық "
                      "деректерді көреді, пікір мен сұрақ жазады"}));
  peer->require_subcommand(1);

  CLI::App* invite = peer->add_subcommand(
      "invite",
      T(ctx, {"Invite a peer reviewer from another district",
              "Пригласить рецензента из другого района", "Басқа ауданнан сарапшы шақыру"}));
  AddCycle(invite, ctx, *flags);
  invite
      ->add_option("--account", flags->account,
                   T(ctx, {"The reviewer's account name", "Учётная запись рецензента",
                           "Сарапшының тіркелгісі"}))
      ->required();
  invite
      ->add_option("--district", flags->district,
                   T(ctx, {"The reviewer's own district id", "Идентификатор района рецензента",
                           "Сарапшы ауданының идентификаторы"}))
      ->required();
  Wire(invite, ctx, [&ctx, flags] { return RunInvite(ctx, *flags); });

  CLI::App* comment = peer->add_subcommand(
      "comment", T(ctx, {"Write a comment or challenge as an invited reviewer",
                         "Написать комментарий или вопрос как приглашённый рецензент",
                         "Шақырылған сарапшы ретінде пікір немесе сұрақ жазу"}));
  AddCycle(comment, ctx, *flags);
  comment
      ->add_option("--account", flags->account,
                   T(ctx, {"The reviewer's account name", "Учётная запись рецензента",
                           "Сарапшының тіркелгісі"}))
      ->required();
  comment->add_option("--node", flags->node,
                      T(ctx, {"Dimension, section or indicator id (default: the whole review)",
                              "Идентификатор измерения, раздела или индикатора (по умолчанию "
                              "— весь обзор)",
                              "Өлшем, бөлім немесе көрсеткіш идентификаторы (әдепкі: бүкіл "
                              "шолу)"}));
  comment->add_option("--kind", flags->kind,
                      T(ctx, {"comment or challenge (default comment)",
                              "comment или challenge (по умолчанию comment)",
                              "comment немесе challenge (әдепкі comment)"}));
  comment->add_option("--text", flags->text, T(ctx, {"The text", "Текст", "Мәтін"}))->required();
  Wire(comment, ctx, [&ctx, flags] { return RunComment(ctx, *flags); });

  CLI::App* reply = peer->add_subcommand(
      "reply",
      T(ctx, {"The district's reply to a comment or challenge",
              "Ответ района на комментарий или вопрос", "Ауданның пікірге немесе сұраққа жауабы"}));
  AddCycle(reply, ctx, *flags);
  reply
      ->add_option("note", flags->note,
                   T(ctx, {"Note number (see `peer list`)", "Номер заметки (см. `peer list`)",
                           "Жазба нөмірі (`peer list` қараңыз)"}))
      ->required()
      ->check(CLI::PositiveNumber);
  reply->add_option("--text", flags->text, T(ctx, {"The reply", "Ответ", "Жауап"}))->required();
  Wire(reply, ctx, [&ctx, flags] { return RunReply(ctx, *flags); });

  CLI::App* list = peer->add_subcommand(
      "list", T(ctx, {"The cycle's reviewers, comments, challenges and replies",
                      "Рецензенты, комментарии, вопросы и ответы цикла",
                      "Циклдің сарапшылары, пікірлері, сұрақтары мен жауаптары"}));
  AddCycle(list, ctx, *flags);
  Wire(list, ctx, [&ctx, flags] { return RunList(ctx, *flags); });
}

}  // namespace tenlik::cli
