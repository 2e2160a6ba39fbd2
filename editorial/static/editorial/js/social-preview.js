/* Warta: live character counts and post previews for the social media draft (SOP C).
 *
 * Counting follows publishers/platform_rules.py, which validates the same text
 * on save: the post is caption (or the platform's own caption, or the title),
 * hashtags and, except on Instagram, the page link; NFC-normalised; X weighs
 * every URL as 23 and characters outside its light ranges as 2.
 * Limits, labels and the page's link come from the server (data-context-url).
 */
(function () {
  'use strict';

  var URL_RE = /(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|go\.id|co\.id)(?:\/[^\s<>"']*)?/gi;
  var HASHTAG_RE = /(^|[^\p{L}\p{N}_])(#[\p{L}\p{N}_]+)/gu;
  var CROPS = { portrait: '4 / 5', square: '1 / 1', landscape: '1.91 / 1' };

  function byId(id) { return document.getElementById(id); }
  function value(id) { var el = byId(id); return el ? el.value : ''; }

  function xWeight(text, ranges) {
    var total = 0;
    Array.from(text).forEach(function (ch) {
      var code = ch.codePointAt(0);
      var light = ranges.some(function (r) { return code >= r[0] && code <= r[1]; });
      total += light ? 1 : 2;
    });
    return total;
  }

  function xLength(text, ctx) {
    text = text.normalize('NFC');
    var length = 0, position = 0, match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      length += xWeight(text.slice(position, match.index), ctx.x_light_ranges) + ctx.x_url_weight;
      position = match.index + match[0].length;
    }
    return length + xWeight(text.slice(position), ctx.x_light_ranges);
  }

  function captionLength(kind, text, ctx) {
    return ctx.rules[kind].weighted ? xLength(text, ctx) : Array.from(text.normalize('NFC')).length;
  }

  function countHashtags(text) {
    var count = 0;
    text.replace(HASHTAG_RE, function () { count += 1; return ''; });
    return count;
  }

  function pageLink(ctx) {
    var slug = value('id_slug');
    if (ctx.base_url && slug) { return ctx.base_url + slug + '/'; }
    return ctx.page_url || 'https://example.go.id/' + (slug || 'berita') + '/';
  }

  function postText(kind, ctx) {
    var caption = (value('id_social_caption_' + kind) || value('id_social_caption') || value('id_title')).trim();
    var parts = [caption];
    var hashtags = value('id_social_hashtags').trim();
    if (hashtags) { parts.push(hashtags); }
    if (ctx.linkless.indexOf(kind) === -1) { parts.push(pageLink(ctx)); }
    return parts.join('\n\n');
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

  function renderText(container, text) {
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
  }

  function buildPanel(ctx) {
    var panel = document.createElement('section');
    panel.className = 'warta-social';
    panel.setAttribute('aria-label', ctx.labels.heading);
    var heading = document.createElement('h3');
    heading.className = 'warta-social__heading';
    heading.textContent = ctx.labels.heading;
    panel.appendChild(heading);
    var off = document.createElement('p');
    off.className = 'warta-social__off';
    off.textContent = ctx.labels.disabled;
    panel.appendChild(off);
    var cards = document.createElement('div');
    cards.className = 'warta-social__cards';
    panel.appendChild(cards);
    ctx.kinds.forEach(function (kind) {
      var card = document.createElement('article');
      card.className = 'warta-social__card warta-social__card--' + kind;
      card.dataset.kind = kind;
      card.innerHTML = '<header class="warta-social__card-header"><strong></strong>' +
        '<span class="warta-social__count" aria-live="polite"></span></header>' +
        '<div class="warta-social__account"></div><div class="warta-social__text"></div>' +
        '<div class="warta-social__image"><img alt=""><span></span></div>';
      card.querySelector('strong').textContent = ctx.rules[kind].label;
      card.querySelector('.warta-social__account').textContent = ctx.labels.account;
      cards.appendChild(card);
    });
    return panel;
  }

  function update(panel, ctx) {
    var enabled = byId('id_social_enabled');
    panel.classList.toggle('warta-social--disabled', Boolean(enabled && !enabled.checked));
    var crop = CROPS[value('id_social_crop')] || CROPS.square;
    var image = chosenImage();
    panel.querySelectorAll('.warta-social__card').forEach(function (card) {
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
      renderText(card.querySelector('.warta-social__text'), text);
      var box = card.querySelector('.warta-social__image');
      var img = box.querySelector('img');
      box.style.aspectRatio = crop;
      if (image) { img.src = image; img.hidden = false; box.querySelector('span').textContent = ''; }
      else { img.removeAttribute('src'); img.hidden = true; box.querySelector('span').textContent = ctx.labels.no_image; }
    });
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
