// One stored post for display: what the store keeps after pseudonymising and
// masking, without the raw record, and without a person's post address.
#include "geo/geo.h"
#include "listen/listen.h"

namespace tenlik::listen {

Result<StoredPost> LoadStoredPost(store::Connection& db, int64_t post_id) {
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, corpus, platform, channel, author_key, "
                                              "author_type, published_at, lang, text, place, "
                                              "engagement, reply_to, url FROM listen_posts "
                                              "WHERE id = $1"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, post_id));
  TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("no post with id " + std::to_string(post_id));
  StoredPost post;
  post.id = st->ColumnInt(0);
  post.corpus = std::string(st->ColumnText(1));
  post.platform = std::string(st->ColumnText(2));
  post.channel = std::string(st->ColumnText(3));
  post.author_key = std::string(st->ColumnText(4));
  post.author_type = std::string(st->ColumnText(5));
  post.published_at = st->ColumnInt(6);
  post.lang = std::string(st->ColumnText(7));
  post.text = std::string(st->ColumnText(8));
  const std::string place(st->ColumnText(9));
  post.engagement = st->ColumnInt(10);
  post.reply_to = std::string(st->ColumnText(11));
  if (post.author_type != AuthorTypeName(AuthorType::kPerson)) {
    post.url = std::string(st->ColumnText(12));
  }
  if (!place.empty()) {
    // A missing gazetteer is an installation fault, not a missing post.
    Result<geo::Gazetteer> gazetteer = [] {
      Result<std::string> dir = geo::DefaultGazetteerDir();
      return dir.ok() ? geo::Gazetteer::Load(*dir) : Result<geo::Gazetteer>(dir.status());
    }();
    if (!gazetteer.ok())
      return Internal("the place hint needs the gazetteer: " + gazetteer.status().ToString());
    post.region = gazetteer->ResolvePlaceHint(place);
  }
  return post;
}

}  // namespace tenlik::listen
