/* Warta: live character counts and post previews for the social media draft (SOP C).
 *
 * Counting follows core/platform_rules.py, which validates the same text
 * on save: the post is caption (or the platform's own caption, or the title),
 * hashtags and, except on Instagram, the page link; NFC-normalised; X's weighted
 * length comes from Twitter's twitter-text (vendor/twitter-text.js, loaded first).
 * Limits, labels, the page's link and the court's connected, active channels come
 * from the server (data-context-url): one card per channel, hidden when the
 * editor unticks it under "Kirim ke kanal" (saved with the page).
 */
(function () {
  'use strict';

  var HASHTAG_RE = /(^|[^\p{L}\p{N}_])(#[\p{L}\p{N}_]+)/gu;
  var CROPS = { portrait: '4 / 5', square: '1 / 1', landscape: '1.91 / 1' };

  function byId(id) { return document.getElementById(id); }
  function value(id) { var el = byId(id); return el ? el.value : ''; }

  function captionLength(kind, text, ctx) {
    if (ctx.rules[kind].weighted) { return window.twttr.txt.parseTweet(text).weightedLength; }
    var chars = Array.from(text.normalize('NFC'));
    if (ctx.rules[kind].emoji_bytes) {
      // Threads: an emoji counts as its UTF-8 bytes (core.platform_rules.threads_length).
      return chars.reduce(function (sum, ch) {
        return sum + (isEmoji(ch) ? new TextEncoder().encode(ch).length : 1);
      }, 0);
    }
    return chars.length;
  }

  function isEmoji(ch) {
    var p = ch.codePointAt(0);
    return p >= 0x1F000 || (p >= 0x2300 && p <= 0x23FF) || (p >= 0x2600 && p <= 0x27BF) ||
      (p >= 0x2B00 && p <= 0x2BFF) || (p >= 0xFE00 && p <= 0xFE0F) || p === 0x200D;
  }

  function countHashtags(text) {
    var count = 0;
    text.replace(HASHTAG_RE, function () { count += 1; return ''; });
    return count;
  }

  // The link as counted (the real URL, or one of its shape) and as shown: before the page has a
  // slug nothing pretends to be its address.
  function pageLink(ctx) {
    var slug = value('id_slug');
    if (ctx.base_url && slug) { return { url: ctx.base_url + slug + '/', pending: false }; }
    if (ctx.page_url) { return { url: ctx.page_url, pending: false }; }
    return { url: (ctx.base_url || 'https://pengadilan.go.id/') + 'berita/', pending: true };
  }

  function captionText(kind) {
    var caption = (value('id_social_caption_' + kind) || value('id_social_caption') || value('id_title')).trim();
    var parts = [caption];
    var hashtags = value('id_social_hashtags').trim();
    if (hashtags) { parts.push(hashtags); }
    return parts.join('\n\n');
  }

  function postText(kind, ctx) {
    var text = captionText(kind);
    if (ctx.linkless.indexOf(kind) === -1) { text += '\n\n' + pageLink(ctx).url; }
    return text;
  }

  // Channels the editor left out for this item (the unticked boxes of the social_channels field).
  function leftOut() {
    var out = {};
    document.querySelectorAll('input[type="checkbox"][name="social_channels"]').forEach(function (box) {
      if (!box.checked) { out[box.value] = true; }
    });
    return out;
  }

  function chosenImage() {
    var ids = ['id_social_image', 'id_hero_image'];
    for (var i = 0; i < ids.length; i += 1) {
      var chooser = byId(ids[i] + '-chooser');
      if (chooser && !chooser.classList.contains('blank')) {
        var img = chooser.querySelector('[data-chooser-image]');
        if (img && img.getAttribute('src')) { return img.getAttribute('src'); }
      }
    }
    return '';
  }

  function renderText(container, text, link, ctx) {
    // Build nodes rather than HTML: the caption is user input.
    container.textContent = '';
    text.split(/(\s+)/).forEach(function (token) {
      var node;
      if (/^#[\p{L}\p{N}_]+$/u.test(token)) {
        node = document.createElement('span'); node.className = 'warta-social__tag'; node.textContent = token;
      } else if (/^(https?:\/\/|www\.)/i.test(token)) {
        node = document.createElement('span'); node.className = 'warta-social__link'; node.textContent = token;
      } else {
        node = document.createTextNode(token);
      }
      container.appendChild(node);
    });
    if (link) {
      if (text) { container.appendChild(document.createTextNode('\n\n')); }
      var span = document.createElement('span');
      span.className = 'warta-social__link' + (link.pending ? ' warta-social__link--pending' : '');
      span.textContent = link.pending ? '(' + ctx.labels.link_pending + ')' : link.url;
      container.appendChild(span);
    }
  }

  function avatar(channel) {
    var initial = document.createElement('span');
    initial.className = 'warta-social__avatar';
    initial.setAttribute('aria-hidden', 'true');
    initial.textContent = channel.initial;
    if (!channel.avatar) { return initial; }
    var img = document.createElement('img');
    img.className = 'warta-social__avatar';
    img.alt = '';
    img.src = channel.avatar;
    // Platform picture addresses expire; fall back to the initial rather than a broken image.
    img.addEventListener('error', function () { img.replaceWith(initial); });
    return img;
  }

  function message(text, className) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }

  function buildPanel(ctx) {
    var panel = document.createElement('section');
    panel.className = 'warta-social';
    panel.setAttribute('aria-label', ctx.labels.heading);
    var heading = document.createElement('h3');
    heading.className = 'warta-social__heading';
    heading.textContent = ctx.labels.heading;
    panel.appendChild(heading);
    panel.appendChild(message(ctx.labels.disabled, 'warta-social__off'));
    if (!ctx.channels.length) {
      panel.appendChild(message(ctx.labels.no_channels, 'warta-social__none'));
    }
    var none = message(ctx.labels.all_left_out, 'warta-social__none warta-social__none--left-out');
    none.hidden = true;
    panel.appendChild(none);
    var cards = document.createElement('div');
    cards.className = 'warta-social__cards';
    panel.appendChild(cards);
    ctx.channels.forEach(function (channel) {
      var kind = channel.platform;
      if (!ctx.rules[kind]) { return; }
      var card = document.createElement('article');
      card.className = 'warta-social__card warta-social__card--' + kind;
      card.dataset.kind = kind;
      card.dataset.channel = String(channel.id);
      card.innerHTML = '<header class="warta-social__card-header"><span class="warta-social__who">' +
        '<span><strong class="warta-social__name"></strong><span class="warta-social__platform"></span></span>' +
        '</span><span class="warta-social__count" aria-live="polite"></span></header>' +
        '<div class="warta-social__text"></div>' +
        '<div class="warta-social__image"><img alt=""><span></span></div>';
      card.querySelector('.warta-social__who').prepend(avatar(channel));
      card.querySelector('.warta-social__name').textContent = channel.name;
      card.querySelector('.warta-social__platform').textContent =
        ctx.rules[kind].label + (channel.handle ? ' · @' + channel.handle.replace(/^@/, '') : '');
      cards.appendChild(card);
    });
    return panel;
  }

  function update(panel, ctx) {
    var enabled = byId('id_social_enabled');
    panel.classList.toggle('warta-social--disabled', Boolean(enabled && !enabled.checked));
    var crop = CROPS[value('id_social_crop')] || CROPS.square;
    var image = chosenImage();
    var out = leftOut();
    var shown = 0;
    panel.querySelectorAll('.warta-social__card').forEach(function (card) {
      card.hidden = Boolean(out[card.dataset.channel]);
      if (card.hidden) { return; }
      shown += 1;
      var kind = card.dataset.kind;
      var rules = ctx.rules[kind];
      var text = postText(kind, ctx);
      var length = captionLength(kind, text, ctx);
      var count = card.querySelector('.warta-social__count');
      var problems = [];
      if (length > rules.limit) { problems.push(ctx.labels.too_long); }
      if (rules.max_hashtags !== null && countHashtags(text) > rules.max_hashtags) {
        problems.push(ctx.labels.too_many_hashtags.replace('%(limit)s', rules.max_hashtags));
      }
      count.textContent = length + ' / ' + rules.limit + (problems.length ? ' — ' + problems.join('; ') : '');
      card.classList.toggle('warta-social__card--over', problems.length > 0);
      var link = ctx.linkless.indexOf(kind) === -1 ? pageLink(ctx) : null;
      renderText(card.querySelector('.warta-social__text'), captionText(kind), link, ctx);
      var box = card.querySelector('.warta-social__image');
      var img = box.querySelector('img');
      box.style.aspectRatio = crop;
      if (image) { img.src = image; img.hidden = false; box.querySelector('span').textContent = ''; }
      else { img.removeAttribute('src'); img.hidden = true; box.querySelector('span').textContent = ctx.labels.no_image; }
    });
    panel.querySelector('.warta-social__none--left-out').hidden = !(ctx.channels.length && shown === 0);
  }

  function start(script) {
    var caption = byId('id_social_caption');
    if (!caption) { return; }
    var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\//) ||
      window.location.pathname.match(/\/pages\/add\/[^/]+\/[^/]+\/(\d+)\//);
    if (!match) { return; }
    var isNew = window.location.pathname.indexOf('/edit/') === -1;
    var url = script.dataset.contextUrl.replace(/0\/$/, match[1] + '/') + (isNew ? '?parent=1' : '');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (ctx) {
        var panel = buildPanel(ctx);
        var anchor = byId('id_social_crop');
        var field = anchor && anchor.closest('[data-field-wrapper], .w-field__wrapper, .w-panel');
        var section = (field && field.closest('section[id^="tab-"], .w-tabs__panel')) || caption.closest('form');
        section.appendChild(panel);
        var refresh = function () { update(panel, ctx); };
        document.addEventListener('input', refresh);
        document.addEventListener('change', refresh);
        ['id_social_image-chooser', 'id_hero_image-chooser'].forEach(function (id) {
          var chooser = byId(id);
          if (chooser) {
            new MutationObserver(refresh).observe(chooser, { attributes: true, subtree: true, attributeFilter: ['class', 'src'] });
          }
        });
        refresh();
      })
      .catch(function () { /* the preview is an aid; saving still validates on the server */ });
  }

  var script = document.currentScript;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { start(script); });
  } else {
    start(script);
  }
}());
